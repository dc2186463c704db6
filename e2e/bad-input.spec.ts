import { expect, test } from './fixtures';
import { debug, jpegBytes, pngBytes, pngClaiming, rejections, scene, top1, uploadAndPredict } from './helpers';

const cases: { what: string; code: string; file: () => Promise<{ name: string; mimeType: string; buffer: Buffer }> }[] = [
  { what: 'empty file', code: 'empty', file: async () => ({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) }) },
  { what: 'text file named .png', code: 'notImage', file: async () => ({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not pixels\n') }) },
  { what: 'HTML', code: 'notImage', file: async () => ({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') }) },
  {
    what: 'truncated JPEG',
    code: 'corrupt',
    file: async () => {
      const j = await jpegBytes(200, 150, scene(4));
      return { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: j.subarray(0, Math.floor(j.length * 0.6)) };
    },
  },
  {
    what: 'truncated PNG',
    code: 'corrupt',
    file: async () => {
      const p = pngBytes(120, 90, scene(6));
      return { name: 'cut.png', mimeType: 'image/png', buffer: p.subarray(0, Math.floor(p.length * 0.5)) };
    },
  },
  {
    what: 'PNG with garbage pixel data',
    code: 'corrupt',
    file: async () => {
      const p = Buffer.from(pngBytes(64, 64, scene(1)));
      // scramble the compressed data inside IDAT, keep the chunk structure (and IEND) intact
      for (let i = 45; i < p.length - 20; i++) p[i] = (p[i]! * 31 + 7) & 255;
      return { name: 'garbage.png', mimeType: 'image/png', buffer: p };
    },
  },
  { what: '20000×20000 PNG header', code: 'tooManyPixels', file: async () => ({ name: 'bomb.png', mimeType: 'image/png', buffer: pngClaiming(20000, 20000) }) },
  { what: '12000×10 PNG header', code: 'tooManyPixels', file: async () => ({ name: 'wide.png', mimeType: 'image/png', buffer: pngClaiming(12000, 10) }) },
  { what: '1×1 image', code: 'tooSmall', file: async () => ({ name: 'dot.png', mimeType: 'image/png', buffer: pngBytes(1, 1, () => [255, 0, 0]) }) },
  {
    what: 'HEIC',
    code: 'unsupported',
    file: async () => {
      const b = Buffer.alloc(4096, 7);
      b.writeUInt32BE(24, 0);
      b.write('ftypheic', 4, 'latin1');
      return { name: 'photo.heic', mimeType: 'image/heic', buffer: b };
    },
  },
  { what: 'broken SVG', code: 'corrupt', file: async () => ({ name: 'broken.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect') }) },
  {
    what: '41 MB file',
    code: 'tooLarge',
    file: async () => {
      const b = Buffer.alloc(41 * 1024 * 1024);
      pngBytes(8, 8, () => [0, 0, 0]).copy(b);
      return { name: 'huge.png', mimeType: 'image/png', buffer: b };
    },
  },
];

test('every bad input shows a localized error and keeps the previous image and prediction', async ({ wasm: { page, errors } }) => {
  test.setTimeout(240_000);
  const good = await uploadAndPredict(page, 'good.png', pngBytes(90, 60, scene(8)));
  const id = await debug(page, (d) => d.inputId());
  const pixels = await debug(page, (d) => d.inputPixels());
  for (const c of cases) {
    await test.step(c.what, async () => {
      await page.getByTestId('image-input').setInputFiles(await c.file());
      const err = page.getByTestId('error');
      await expect(err, c.what).toBeVisible();
      await expect(err).toHaveAttribute('data-code', c.code);
      await expect(err).not.toContainText('{'); // every placeholder filled
      // nothing else changed
      expect(await debug(page, (d) => d.inputId())).toBe(id);
      expect(await debug(page, (d) => d.inputPixels())).toEqual(pixels);
      expect(await top1(page)).toEqual(good);
      await page.getByTestId('error').getByRole('button').click();
      await expect(err).toHaveCount(0);
    });
  }
  // the same message in Korean
  await page.getByTestId('lang-toggle').click();
  await page.getByTestId('image-input').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: pngBytes(1, 1, () => [0, 0, 0]) });
  await expect(page.getByTestId('error')).toContainText('최소 8×8');
  expect(await top1(page)).toEqual(good);
  expect(errors).toEqual([]);
  expect(await rejections(page)).toEqual([]);
});
