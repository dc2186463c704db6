import { expect, test } from '@playwright/test';
import { openApp, pngBytes, scene, uploadAndPredict } from './helpers';

test('every request of a session stays on the origin', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  // context-level: also sees the service worker's own (precache) requests
  context.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  await openApp(page);
  await uploadAndPredict(page, 'a.png', pngBytes(64, 64, scene(1)));
  await uploadAndPredict(page, 'b.png', pngBytes(64, 48, scene(5)));
  expect(foreign).toEqual([]);
});

test('the page ships a Content-Security-Policy that allows only the origin', async ({ page }) => {
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'] ?? '';
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const policy of [header, meta ?? '']) {
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toMatch(/https?:/);
    expect(policy).not.toContain("'unsafe-eval'");
  }
});

test('after one online visit the app loads and classifies offline', async ({ page, context }) => {
  await openApp(page);
  // wait until the service worker has precached the model
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker) return false;
          const reg = await navigator.serviceWorker.ready;
          if (!reg.active) return false;
          // the wasm binary is precached, the weights kept from the page's own load (src/pwa/caching.ts)
          const found = new Set<string>();
          for (const key of await caches.keys()) {
            for (const r of await (await caches.open(key)).keys()) {
              if (/weights\.bin/.test(r.url)) found.add('weights');
              if (/\.wasm/.test(r.url)) found.add('wasm');
            }
          }
          return found.size === 2;
        }),
      { timeout: 60_000 },
    )
    .toBe(true);
  // the app tells the user that it now works offline (not over a presenter's slide: after it)
  await expect(page.getByTestId('offline-ready')).toBeVisible();
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(page.getByTestId('offline-ready')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await expect(page.getByTestId('offline-ready')).toBeVisible();
  await context.setOffline(true);
  try {
    // a navigation while offline: the service worker serves the shell, wasm and model
    await openApp(page);
    const { cls } = await uploadAndPredict(page, 'offline.png', pngBytes(40, 40, scene(7)));
    expect(cls.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  } finally {
    await context.setOffline(false);
  }
});
