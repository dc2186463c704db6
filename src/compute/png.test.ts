import { describe, expect, it } from 'vitest';
import { decodePlainPng } from './png';

/** A PNG written here: each row with its own filter (0–4, in turn), so every filter is undone. */
async function png(w: number, h: number, channels: number, px: Uint8Array, opts: { depth?: number; interlace?: number; extra?: string } = {}): Promise<Uint8Array> {
  const colourType = { 1: 0, 2: 4, 3: 2, 4: 6 }[channels]!;
  const stride = w * channels;
  const raw = new Uint8Array(h * (stride + 1));
  for (let y = 0; y < h; y++) {
    const f = y % 5;
    raw[y * (stride + 1)] = f;
    for (let x = 0; x < stride; x++) {
      const at = (yy: number, xx: number) => (yy < 0 || xx < 0 ? 0 : px[yy * stride + xx]!);
      const a = at(y, x - channels);
      const b = at(y - 1, x);
      const c = at(y - 1, x - channels);
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][f]!;
      raw[y * (stride + 1) + 1 + x] = (px[y * stride + x]! - pred) & 255;
    }
  }
  const chunk = (type: string, body: Uint8Array) => {
    const out = new Uint8Array(12 + body.length);
    new DataView(out.buffer).setUint32(0, body.length);
    out.set([...type].map((ch) => ch.charCodeAt(0)), 4);
    out.set(body, 8);
    return out; // CRC left zero: the decoder relies on inflate's own check
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, w);
  new DataView(ihdr.buffer).setUint32(4, h);
  ihdr.set([opts.depth ?? 8, colourType, 0, 0, opts.interlace ?? 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr)];
  if (opts.extra) parts.push(chunk(opts.extra, new Uint8Array(4)));
  const z = new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
  // two IDAT chunks: the stream may be split anywhere
  parts.push(chunk('IDAT', z.subarray(0, 7)), chunk('IDAT', z.subarray(7)), chunk('IEND', new Uint8Array(0)));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) all.set(p, (o += p.length) - p.length);
  return all;
}

const noise = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (Math.imul(i + 1, 2654435761) >>> (seed % 24)) & 255);

describe('decodePlainPng', () => {
  it('reads RGB with every row filter, as the pixels that were written', async () => {
    const px = noise(13 * 11 * 3, 7);
    const out = await decodePlainPng(await png(13, 11, 3, px), 1e6);
    expect(out).not.toBeNull();
    expect([out!.width, out!.height]).toEqual([13, 11]);
    for (let i = 0; i < 13 * 11; i++) {
      expect([...out!.rgba.subarray(i * 4, i * 4 + 4)]).toEqual([px[i * 3], px[i * 3 + 1], px[i * 3 + 2], 255]);
    }
  });

  it('reads RGBA, grey and grey + alpha as straight RGBA', async () => {
    const rgba = noise(9 * 10 * 4, 3);
    expect([...(await decodePlainPng(await png(9, 10, 4, rgba), 1e6))!.rgba]).toEqual([...rgba]);
    const grey = noise(9 * 10, 5);
    const g = (await decodePlainPng(await png(9, 10, 1, grey), 1e6))!.rgba;
    expect([...g.subarray(4 * 17, 4 * 18)]).toEqual([grey[17], grey[17], grey[17], 255]);
    const ga = noise(9 * 10 * 2, 9);
    const gaOut = (await decodePlainPng(await png(9, 10, 2, ga), 1e6))!.rgba;
    expect([...gaOut.subarray(4 * 17, 4 * 18)]).toEqual([ga[34], ga[34], ga[34], ga[35]]);
  });

  it('leaves to the browser what it does not read: 16-bit, interlaced, colour profiles, a transparent colour, animation, EXIF, too many pixels', async () => {
    const px = noise(8 * 8 * 3, 1);
    expect(await decodePlainPng(await png(8, 8, 3, px, { depth: 16 }), 1e6)).toBeNull();
    expect(await decodePlainPng(await png(8, 8, 3, px, { interlace: 1 }), 1e6)).toBeNull();
    for (const extra of ['iCCP', 'gAMA', 'tRNS', 'acTL', 'eXIf']) expect(await decodePlainPng(await png(8, 8, 3, px, { extra }), 1e6)).toBeNull();
    expect(await decodePlainPng(await png(8, 8, 3, px), 63)).toBeNull();
    // a harmless ancillary chunk is skipped
    expect(await decodePlainPng(await png(8, 8, 3, px, { extra: 'tEXt' }), 1e6)).not.toBeNull();
  });

  it('a damaged file is null, never an exception or a half image', async () => {
    const good = await png(8, 8, 3, noise(8 * 8 * 3, 2));
    expect(await decodePlainPng(good.subarray(0, good.length - 20), 1e6)).toBeNull(); // truncated
    const bad = good.slice();
    bad[bad.length - 30] ^= 0xff; // inside the compressed data
    expect(await decodePlainPng(bad, 1e6)).toBeNull();
    expect(await decodePlainPng(new Uint8Array(40), 1e6)).toBeNull(); // not a PNG
  });
});
