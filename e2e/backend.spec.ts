import { expect, test } from '@playwright/test';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';

for (const b of ['cpu', 'wasm'] as const) {
  test(`?backend=${b} forces the ${b} backend`, async ({ page }) => {
    await openApp(page, `&backend=${b}`);
    await expect(page.getByTestId('backend')).toHaveText(b);
    expect(await debug(page, (d) => d.backend())).toBe(b);
    await expect(page.getByTestId('backend-forced')).toBeVisible();
    await uploadAndPredict(page, 'x.png', pngBytes(40, 40, scene(9)));
  });
}

test('?backend=webgl with an unknown value is ignored safely', async ({ page }) => {
  await openApp(page, '&backend=quantum');
  await expect(page.getByTestId('backend')).toHaveText('webgl');
  await expect(page.getByTestId('backend-notice')).toHaveCount(0);
});

test('a plain visit may answer on wasm first, then settles on WebGL, always naming the backend of what is shown', async ({ page }) => {
  await page.goto('/?debug=1');
  await expect(page.getByTestId('top1')).toBeVisible({ timeout: 90_000 });
  const firstProbs = await debug(page, (d) => d.probs());
  const shownOn = new Set<string>();
  for (;;) {
    // the header and the result it labels, read in one go
    const now = await page.evaluate(() => {
      const d = window.__seExplainer!;
      return { ready: d.ready(), header: document.querySelector('[data-testid="backend"]')?.textContent?.trim() ?? null, shown: d.shownBackend() };
    });
    if (now.shown) {
      expect(now.header).toBe(now.shown);
      shownOn.add(now.shown);
    }
    if (now.ready) break;
    await page.waitForTimeout(100);
  }
  // settled: WebGL computed what is shown, the note is gone, the numbers agree with the first answer
  await expect(page.getByTestId('backend')).toHaveText('webgl');
  await expect(page.getByTestId('backend-settling')).toHaveCount(0);
  expect(await debug(page, (d) => d.backend())).toBe('webgl');
  expect(await debug(page, (d) => d.shownBackend())).toBe('webgl');
  const settledProbs = await debug(page, (d) => d.probs());
  expect(Math.max(...settledProbs.map((p, i) => Math.abs(p - firstProbs[i]!)))).toBeLessThan(1e-3);
  expect([...shownOn].every((b) => b === 'wasm' || b === 'webgl')).toBe(true);
});
