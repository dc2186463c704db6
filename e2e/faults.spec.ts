import { expect, test } from '@playwright/test';
import { debug, openApp, pngBytes, rejections, scene, top1, uploadAndPredict, watchRejections } from './helpers';

test('a lost WebGL context is survived without a reload: notice, and the image is classified again', async ({ page }) => {
  await watchRejections(page);
  await openApp(page);
  const before = await uploadAndPredict(page, 'ctx.png', pngBytes(64, 64, scene(4)));
  const tensorsBefore = await debug(page, (d) => d.numTensors());
  expect(await page.evaluate(() => window.__seExplainer!.loseWebGLContext())).toBe(true);
  await expect(page.getByTestId('backend-recovered')).toBeVisible({ timeout: 90_000 });
  // the current image is classified again on the rebuilt backend, with the same answer
  const after = await top1(page);
  expect(after.cls).toBe(before.cls);
  expect(Math.abs(after.prob - before.prob)).toBeLessThan(1e-3);
  expect(['webgl', 'wasm']).toContain(await debug(page, (d) => d.backend()));
  // and it keeps working
  await uploadAndPredict(page, 'ctx2.png', pngBytes(48, 48, scene(9)));
  expect(await debug(page, (d) => d.numTensors())).toBeLessThanOrEqual(tensorsBefore);
  expect(await rejections(page)).toEqual([]);
});

const corruptions: { name: string; file: RegExp; body: (real: Buffer) => Buffer | string }[] = [
  { name: 'card is not JSON', file: /\/card\.json$/, body: () => '{"formatVersion": 1, "arch' },
  { name: 'manifest is not JSON', file: /\/model\.json$/, body: () => 'not json at all' },
  { name: 'weights shard truncated', file: /\/weights\.bin$/, body: (real) => real.subarray(0, real.length >> 1) },
  { name: 'weights shard has extra bytes', file: /\/weights\.bin$/, body: (real) => Buffer.concat([real, Buffer.alloc(16)]) },
];

// One page load per corruption. What each corruption is refused for, and the message naming the
// file, are unit tests (src/model/validateModel.test.ts: the six broken folders, "too long";
// src/model/localFolder.test.ts: "says which file is not JSON"); here: the app shows the error,
// offers no prediction from a broken model, and Retry loads the model and classifies.
test('corrupted model files (card, manifest, weights short or long) each give a clear error, and retry works', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  for (const c of corruptions) {
    await test.step(c.name, async () => {
      // a context of its own: the previous one's service worker would serve the good files
      const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await watchRejections(page);
      let broken = true;
      await page.route(c.file, async (route) => {
        if (!broken) return route.continue();
        const response = await route.fetch();
        await route.fulfill({ response, body: c.body(await response.body()) });
      });
      // wasm: the model's files are what is under test here, not the backend
      await page.goto('/?debug=1&backend=wasm');
      const error = page.getByTestId('model-error');
      await expect(error).toBeVisible({ timeout: 90_000 });
      await expect(error).not.toBeEmpty();
      // no prediction is offered from a broken model
      await expect(page.getByTestId('top1')).toHaveCount(0);
      broken = false;
      await error.getByRole('button').click();
      await expect.poll(() => debug(page, (d) => d.ready()), { timeout: 90_000 }).toBe(true);
      await uploadAndPredict(page, 'after-retry.png', pngBytes(40, 40, scene(2)));
      expect(await rejections(page)).toEqual([]);
      await context.close();
    });
  }
});

test('an image chosen while the model failed to load is kept, says so, and is classified after Retry', async ({ page }) => {
  await watchRejections(page);
  let broken = true;
  await page.route(/\/weights\.bin$/, (route) => (broken ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue()));
  await page.goto('/?debug=1');
  const error = page.getByTestId('model-error');
  await expect(error).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('image-input').setInputFiles({ name: 'while-broken.png', mimeType: 'image/png', buffer: pngBytes(40, 40, scene(8)) });
  // not "No image yet": the panel says the image waits for the model, and how to get it
  const waiting = page.getByTestId('input-waiting');
  await expect(waiting).toContainText('while-broken.png');
  await expect(waiting).toContainText('Retry');
  await expect(page.getByTestId('top1')).toHaveCount(0);
  broken = false;
  await error.getByRole('button').click();
  // the kept image is the one classified (not the first example)
  await expect(page.getByTestId('input-meta')).toContainText('while-broken.png', { timeout: 90_000 });
  await top1(page);
  await expect(waiting).toHaveCount(0);
  await expect(page.getByTestId('example').first()).toHaveAttribute('aria-pressed', 'false');
  expect(await rejections(page)).toEqual([]);
});
