import { expect, test } from '@playwright/test';
import { debug, top1 } from './helpers';
import { ownStaticServer } from './static-server';

// Its own server, which counts the bodies it sends (a 304 revalidation sends none).
const server = ownStaticServer('dist');

test('a first visit downloads each file once, the service worker comes after the first example is drawn, and the page does not jump', async ({ page }) => {
  // the browser's layout-shift scores, summed from the first paint (none follow user input here)
  await page.addInitScript(`(() => {
    window.__shift = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift.push([e.value, e.sources.map((s) => s.node && s.node.className).join(' ')]); })
      .observe({ type: 'layout-shift', buffered: true });
  })()`);
  await page.goto(`${server().url}/?debug=1`);
  await top1(page);
  await debug(page, (d) => d.restored());
  // the worker waits for the first drawn example (its precache must not compete with it)
  const marks = () =>
    page.evaluate(() => ['se:first-drawn', 'se:sw-registered'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null));
  await expect.poll(async () => (await marks())[1]).not.toBeNull();
  const [drawn, registered] = await marks();
  expect(drawn).not.toBeNull();
  expect(registered!).toBeGreaterThanOrEqual(drawn!);

  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });
  const twice = [...server().sent].filter(([, n]) => n > 1).map(([p, n]) => `${p} ×${n}`);
  expect(twice).toEqual([]);
  // what offline needs was fetched: the model's weights and one wasm binary, once each
  const sent = [...server().sent.keys()];
  expect(sent.filter((p) => /weights\.bin$/.test(p))).toHaveLength(1);
  expect(sent.filter((p) => /\.wasm$/.test(p))).toHaveLength(1);
  // KaTeX's fonts in one format only
  expect(sent.filter((p) => /\.(woff|ttf)$/.test(p))).toEqual([]);

  // nothing moved on its own while the page loaded, drew its result and went offline-ready:
  // 0.1 is the web's line between a good and a poor layout stability (CLS); before this test
  // the result pushed the page up (0.5–0.7) and the offline notice pushed it down
  const shifts = (await page.evaluate('window.__shift')) as [number, string][];
  const total = shifts.reduce((a, [v]) => a + v, 0);
  expect(total, JSON.stringify(shifts)).toBeLessThanOrEqual(0.1);
});
