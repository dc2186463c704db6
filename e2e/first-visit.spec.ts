import { expect, test } from '@playwright/test';
import { debug, top1 } from './helpers';
import { ownStaticServer } from './static-server';

// Its own server, which counts the bodies it sends (a 304 revalidation sends none).
const server = ownStaticServer('dist');

test('a first visit downloads each file once, and the service worker comes after the first example is drawn', async ({ page }) => {
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
});
