import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PNG } from 'pngjs';
import { animatedGif, debug, jpegBytes, pngBytes, rejections, uploadAndPredict, withExifOrientation } from './helpers';

/** RGB of the network input at (row, col) */
async function pixelAt(page: Page, row: number, col: number) {
  const px = await debug(page, (d) => d.inputPixels());
  const size = Math.round(Math.sqrt(px.length / 3));
  const i = (row * size + col) * 3;
  return [px[i]!, px[i + 1]!, px[i + 2]!];
}

const isRed = ([r, g, b]: number[]) => r! > 180 && g! < 80 && b! < 80;
const isBlue = ([r, g, b]: number[]) => b! > 180 && r! < 80 && g! < 80;

test.describe('decoding', () => {
  let size = 32;
  test.beforeEach(async ({ wasm: { page } }) => {
    size = (await debug(page, (d) => d.card())).architecture.inputSize;
  });
  test.afterEach(async ({ wasm: { page } }) => {
    expect(await rejections(page)).toEqual([]);
  });

  test('EXIF orientation 6 is honoured (stored sideways, shown upright)', async ({ wasm: { page } }) => {
    // stored 96×48: left half red, right half blue. Rotated 90° clockwise → 48×96, red on top.
    const jpg = await jpegBytes(96, 48, (x) => (x < 48 ? [230, 20, 20] : [20, 20, 230]));
    await uploadAndPredict(page, 'sideways.jpg', withExifOrientation(jpg, 6), 'image/jpeg');
    await expect(page.getByTestId('input-meta')).toContainText('48×96');
    await expect(page.getByTestId('orientation')).toContainText('6');
    expect(isRed(await pixelAt(page, 2, size / 2))).toBe(true);
    expect(isBlue(await pixelAt(page, size - 3, size / 2))).toBe(true);
    // and orientation 8 (counter-clockwise) puts blue on top
    await uploadAndPredict(page, 'sideways8.jpg', withExifOrientation(jpg, 8), 'image/jpeg');
    expect(isBlue(await pixelAt(page, 2, size / 2))).toBe(true);
    expect(isRed(await pixelAt(page, size - 3, size / 2))).toBe(true);
  });

  test('transparency is composited on white', async ({ wasm: { page } }) => {
    // transparent black everywhere, an opaque red square in the middle
    await uploadAndPredict(page, 'alpha.png', pngBytes(64, 64, (x, y) => (x >= 16 && x < 48 && y >= 16 && y < 48 ? [255, 0, 0, 255] : [0, 0, 0, 0])));
    expect(await pixelAt(page, 1, 1)).toEqual([255, 255, 255]);
    expect(isRed(await pixelAt(page, size / 2, size / 2))).toBe(true);
  });

  test('grayscale PNG and animated GIF (first frame)', async ({ wasm: { page } }) => {
    const g = new PNG({ width: 40, height: 40, colorType: 0, inputColorType: 2, inputHasAlpha: false } as ConstructorParameters<typeof PNG>[0]);
    const raw = Buffer.alloc(40 * 40 * 3);
    for (let i = 0; i < 40 * 40; i++) raw.fill(i % 40 < 20 ? 60 : 200, i * 3, i * 3 + 3);
    g.data = raw;
    const gray = PNG.sync.write(g, { colorType: 0, inputColorType: 2, inputHasAlpha: false });
    expect(gray[25]).toBe(0); // colour type 0 = grayscale
    await uploadAndPredict(page, 'gray.png', gray);
    const [r, gg, b] = await pixelAt(page, size / 2, 2);
    expect(r).toBe(gg);
    expect(gg).toBe(b);

    const gif = await animatedGif(48, 48, [() => [230, 20, 20], () => [20, 20, 230], () => [20, 230, 20]]);
    await uploadAndPredict(page, 'anim.gif', gif, 'image/gif');
    expect(isRed(await pixelAt(page, size / 2, size / 2))).toBe(true);
    await expect(page.locator('.seen figcaption')).toContainText(/first frame|첫 프레임/);
  });

  test('SVG is rendered as an image; its scripts never run', async ({ wasm: { page } }) => {
    const svg = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="window.__pwned=1">
  <script>window.__pwned = 2;</script>
  <rect width="64" height="64" fill="rgb(20,20,230)"/>
  <image href="http://127.0.0.1:9/x.png" width="10" height="10"/>
</svg>`;
    await uploadAndPredict(page, 'evil.svg', Buffer.from(svg), 'image/svg+xml');
    expect(isBlue(await pixelAt(page, size / 2, size / 2))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('svg[onload]').count()).toBe(0);
  });

  test('big reductions are area-averaged (a fine checkerboard becomes flat grey)', async ({ wasm: { page } }) => {
    test.setTimeout(180_000);
    // 1-pixel checkerboard, 3000×3000: bigger than the working size, so the decoder's
    // high-quality resize and our box filter both run
    const png = pngBytes(3000, 3000, (x, y) => ((x + y) & 1 ? [255, 255, 255] : [0, 0, 0]));
    await uploadAndPredict(page, 'checker.png', png);
    const px = await debug(page, (d) => d.inputPixels());
    const mean = px.reduce((a, b) => a + b, 0) / px.length;
    const maxDev = Math.max(...px.map((v) => Math.abs(v - mean)));
    expect(mean).toBeGreaterThan(100);
    expect(mean).toBeLessThan(155);
    expect(maxDev).toBeLessThan(12);
  });

  test('crop policy: centre crop vs fit (letterbox with the dataset mean colour)', async ({ wasm: { page } }) => {
    // 128×64: left quarter red, right quarter blue, middle white
    const wide = pngBytes(128, 64, (x) => (x < 32 ? [230, 20, 20] : x >= 96 ? [20, 20, 230] : [255, 255, 255]));
    await uploadAndPredict(page, 'wide.png', wide);
    expect(await pixelAt(page, size / 2, 1)).toEqual([255, 255, 255]); // centre crop: only white
    const before = await debug(page, (d) => d.inputId());
    await page.getByTestId('crop-fit').check();
    await expect.poll(() => debug(page, (d) => d.inputId())).not.toBe(before);
    await expect(page.getByTestId('top1')).toBeVisible();
    expect(isRed(await pixelAt(page, size / 2, 1))).toBe(true);
    expect(isBlue(await pixelAt(page, size / 2, size - 2))).toBe(true);
    const card = await debug(page, (d) => d.card() as unknown as { preprocessing: { mean: number[]; pixelScale: number } });
    const pad = card.preprocessing.mean.map((m) => Math.round(m * card.preprocessing.pixelScale));
    expect(await pixelAt(page, 0, size / 2)).toEqual(pad);
  });
});
