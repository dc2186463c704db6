/** Test images built in the test (no photos in the repo) and small page helpers. */
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { debug } from './debugHook';

export type Fill = (x: number, y: number) => [number, number, number, number?];

export function pngBytes(w: number, h: number, fill: Fill): Buffer {
  const png = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b, a = 255] = fill(x, y);
      const i = (y * w + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

function rawRgb(w: number, h: number, fill: Fill): Buffer {
  const data = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = fill(x, y);
      const i = (y * w + x) * 3;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
    }
  }
  return data;
}

export function jpegBytes(w: number, h: number, fill: Fill, quality = 92): Promise<Buffer> {
  return sharp(rawRgb(w, h, fill), { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality }).toBuffer();
}

/** An animated GIF: one frame per fill. */
export function animatedGif(w: number, h: number, frames: Fill[]): Promise<Buffer> {
  const pages = frames.map((f) => sharp(rawRgb(w, h, f), { raw: { width: w, height: h, channels: 3 } }).png());
  return Promise.all(pages.map((p) => p.toBuffer())).then((bufs) =>
    sharp(bufs, { join: { animated: true } }).gif({ loop: 0, delay: 100 }).toBuffer(),
  );
}

/** Inserts an APP1 Exif segment with one Orientation entry right after SOI. */
export function withExifOrientation(jpg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, IFD at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation SHORT
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const seg = Buffer.alloc(4);
  seg[0] = 0xff;
  seg[1] = 0xe1;
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpg.subarray(0, 2), seg, body, jpg.subarray(2)]);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A small valid PNG whose header (with a correct CRC) claims w×h: a decompression bomb's face. */
export function pngClaiming(w: number, h: number): Buffer {
  const png = Buffer.from(pngBytes(8, 8, () => [0, 0, 0]));
  png.writeUInt32BE(w, 16);
  png.writeUInt32BE(h, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** A colourful test scene: different images give different predictions. */
export function scene(seed: number): Fill {
  return (x, y) => [
    (x * (3 + seed) + y * seed * 7) % 256,
    (y * (2 + (seed % 5)) + seed * 31) % 256,
    ((x ^ y) * (seed + 1)) % 256,
  ];
}

export { debug, type SeDebug } from './debugHook';

/**
 * A screenshot for a person to look at (test-results/, not committed): taken in the screens
 * project (`npm run test:screens`) only, so that the default run spends no time on pictures.
 */
export async function snap(target: Page | Locator, path: string, options: { fullPage?: boolean } = {}) {
  if (!(test.info().project.metadata as { screenshots?: boolean }).screenshots) return;
  await target.screenshot({ path, ...options });
}

export async function openApp(page: Page, query = '') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // WebGL from the start, as the suite tests the app on WebGL: the wasm head start of a plain
  // visit (and its move to WebGL) has tests of its own (backend, examples, first-visit specs),
  // and skipping it here keeps each test about a second shorter
  const backend = query.includes('backend=') ? '' : '&backend=webgl';
  await page.goto(`/?debug=1${backend}${query}`);
  await expect.poll(() => page.evaluate(() => window.__seExplainer?.ready() ?? false), { timeout: 90_000 }).toBe(true);
  // the start-up image (the link's, else the first example) is classified before the test acts
  await page.evaluate(() => window.__seExplainer!.restored());
  return errors;
}

export async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'image/png') {
  await page.getByTestId('image-input').setInputFiles({ name, mimeType, buffer });
}

/** Waits until the prediction for the current image is shown and returns it. */
export async function top1(page: Page): Promise<{ cls: string; prob: number }> {
  const el = page.getByTestId('top1');
  await expect(el).toBeVisible({ timeout: 60_000 });
  return { cls: (await el.getAttribute('data-class'))!, prob: Number(await el.getAttribute('data-prob')) };
}

/** Records unhandled promise rejections and errors in the page (call before goto). */
export async function watchRejections(page: Page) {
  await page.addInitScript(() => {
    window.__rejections = [];
    window.addEventListener('unhandledrejection', (e) => window.__rejections!.push(String(e.reason)));
    window.addEventListener('error', (e) => window.__rejections!.push(String(e.message)));
  });
}

export function rejections(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__rejections ?? []);
}

/** Uploads and waits for the prediction of this new image. */
export async function uploadAndPredict(page: Page, name: string, buffer: Buffer, mimeType = 'image/png') {
  // the start-up image (first example or the link's) must not be mistaken for this one
  await page.evaluate(() => window.__seExplainer!.restored());
  const before = await debug(page, (d) => d.inputId());
  await upload(page, name, buffer, mimeType);
  await expect.poll(() => debug(page, (d) => d.inputId()), { timeout: 30_000 }).not.toBe(before);
  return top1(page);
}
