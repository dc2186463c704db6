import { expect, test } from './fixtures';
import { debug, pngBytes, uploadAndPredict } from './helpers';

// A link longer than a web server accepts never reaches the app (vite preview answers HTTP 431
// at about 16 k characters; nginx and Apache refuse request lines over 8 KB by default).
test('the link the app writes stays well under 8 KB, even for an image that does not compress, and opens elsewhere', async ({ wasm: { page } }) => {
  let x = 99;
  const noise = pngBytes(32, 32, () => {
    const r = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    return [r(), r(), r()];
  });
  await uploadAndPredict(page, 'noise.png', noise);
  const pixels = await debug(page, (d) => d.inputPixels());
  // the address bar is written a moment later (until then it holds the previous image's link)
  await page.evaluate(() => window.__seExplainer!.flushUrl());
  await expect.poll(async () => new URL(page.url()).searchParams.get('img')?.length ?? 0).toBeGreaterThan(4000);
  expect(page.url().length).toBeLessThan(6000);

  const other = await page.context().newPage();
  const response = await other.goto(page.url());
  expect(response?.status()).toBe(200);
  await expect.poll(() => other.evaluate(() => window.__seExplainer?.inputPixels() ?? []), { timeout: 90_000 }).toEqual(pixels);
});
