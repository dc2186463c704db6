import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { debug, pngBytes, scene, top1, uploadAndPredict } from './helpers';
import { headersFor, nginxHeaderRules } from './nginx-headers';
import { ownStaticServer } from './static-server';

// A teacher's host: dist/ under a sub-path, with the headers of deploy/nginx.conf (read from it).
const rules = nginxHeaderRules(readFileSync('deploy/nginx.conf', 'utf8'));
const base = rules[0]!.prefix;
const server = ownStaticServer('dist', { base, headers: (path) => headersFor(rules, path) });

async function ready(page: Page) {
  await expect.poll(() => debug(page, (d) => d.ready()), { timeout: 90_000 }).toBe(true);
  await debug(page, (d) => d.restored());
}

test('dist/ under a sub-path with the documented headers: classifies, works offline after a reload, takes a new deploy', async ({ page, context }) => {
  test.setTimeout(300_000);
  const app = `${server().url}${base}`;
  const outside: string[] = [];
  context.on('request', (r) => {
    if (/^https?:/.test(r.url()) && !r.url().startsWith(app)) outside.push(r.url());
  });

  const first = await page.goto(`${app}?debug=1`);
  expect(first!.headers()['cache-control']).toBe('no-cache');
  expect(first!.headers()['content-security-policy']).toContain("default-src 'self'");
  await ready(page);
  await top1(page); // the first example, with no click
  const script = await page.locator('script[type="module"][src]').first().getAttribute('src');
  const asset = await page.request.get(new URL(script!, app).href);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const online = await uploadAndPredict(page, 'hosted.png', pngBytes(48, 40, scene(9)));
  expect(online.cls.length).toBeGreaterThan(0);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });

  // offline: a reload is served by the service worker under the sub-path, and classifies
  await context.setOffline(true);
  try {
    await page.reload();
    await ready(page);
    await top1(page);
    const offline = await uploadAndPredict(page, 'offline.png', pngBytes(40, 48, scene(10)));
    expect(offline.cls.length).toBeGreaterThan(0);
  } finally {
    await context.setOffline(false);
  }

  // a new deploy (the service worker changes): the open app offers it, Reload takes it
  const sw = await server().original('sw.js');
  server().replace('/sw.js', `${sw}\nself.__deploy = 2;\n`);
  await page.goto(`${app}?debug=1`);
  await ready(page);
  await expect(page.getByTestId('update-prompt')).toBeVisible({ timeout: 90_000 });
  const reloaded = page.waitForEvent('load');
  await page.getByTestId('update-prompt').getByRole('button').first().click();
  await reloaded;
  await ready(page);
  const deploys = await Promise.all(context.serviceWorkers().map((w) => w.evaluate(() => (self as unknown as { __deploy?: number }).__deploy ?? 1)));
  expect(deploys).toContain(2);
  expect(outside).toEqual([]);
});
