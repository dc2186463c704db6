import { describe, expect, it } from 'vitest';
import { axisFootprints, compositeOnWhite, cropPlan, fitWithin, meanColour, resizeArea, toNetworkInput } from './resize';

/**
 * Reference: the exact area average computed directly in 2D: every source pixel weighted by
 * the area of its intersection with the output pixel's footprint (slow, obviously correct).
 */
function referenceArea(data: number[], sw: number, sh: number, src: { x: number; y: number; w: number; h: number }, dw: number, dh: number): number[] {
  const out: number[] = [];
  const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      const fx0 = src.x + (x * src.w) / dw;
      const fx1 = src.x + ((x + 1) * src.w) / dw;
      const fy0 = src.y + (y * src.h) / dh;
      const fy1 = src.y + ((y + 1) * src.h) / dh;
      let acc = 0;
      let area = 0;
      for (let py = 0; py < sh; py++) {
        for (let px = 0; px < sw; px++) {
          const a = overlap(fx0, fx1, px, px + 1) * overlap(fy0, fy1, py, py + 1);
          acc += a * data[py * sw + px]!;
          area += a;
        }
      }
      out.push(acc / area);
    }
  }
  return out;
}

function rand(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('area-average resize', () => {
  it('matches the brute-force reference on random images and non-integer factors', () => {
    const r = rand(7);
    for (const [sw, sh, dw, dh] of [
      [37, 23, 8, 5],
      [100, 61, 32, 32],
      [13, 13, 5, 7],
      [64, 48, 31, 17],
    ] as const) {
      const data = Array.from({ length: sw * sh }, () => Math.round(r() * 255));
      const got = resizeArea(data, sw, sh, 1, { x: 0, y: 0, w: sw, h: sh }, dw, dh);
      const ref = referenceArea(data, sw, sh, { x: 0, y: 0, w: sw, h: sh }, dw, dh);
      for (let i = 0; i < ref.length; i++) expect(got[i]).toBeCloseTo(ref[i]!, 3);
    }
  });

  it('is the exact block mean for integer factors', () => {
    const data = [1, 3, 10, 20, 5, 7, 30, 40, 0, 0, 8, 8, 0, 4, 8, 8];
    const got = Array.from(resizeArea(data, 4, 4, 1, { x: 0, y: 0, w: 4, h: 4 }, 2, 2));
    expect(got).toEqual([4, 25, 1, 8]);
  });

  it('averages a one-pixel checkerboard to flat grey (no aliasing as with one-step bilinear)', () => {
    const n = 256;
    const data = Array.from({ length: n * n }, (_, i) => (((i % n) + Math.floor(i / n)) % 2 ? 255 : 0));
    const got = resizeArea(data, n, n, 1, { x: 0, y: 0, w: n, h: n }, 32, 32);
    for (const v of got) expect(v).toBeCloseTo(127.5, 5);
  });

  it('keeps interleaved channels apart and constants constant', () => {
    const sw = 50;
    const sh = 30;
    const data: number[] = [];
    for (let i = 0; i < sw * sh; i++) data.push(10, 200, 77);
    const got = resizeArea(data, sw, sh, 3, { x: 0, y: 0, w: sw, h: sh }, 7, 9);
    for (let i = 0; i < got.length; i += 3) {
      expect(got[i]).toBeCloseTo(10, 4);
      expect(got[i + 1]).toBeCloseTo(200, 4);
      expect(got[i + 2]).toBeCloseTo(77, 4);
    }
  });

  it('samples a fractional source rectangle (centre crop of an odd-sized image)', () => {
    const sw = 9;
    const sh = 4;
    const data = Array.from({ length: sw * sh }, (_, i) => i % sw); // value = column
    const plan = cropPlan(sw, sh, 2, 'center');
    const got = resizeArea(data, sw, sh, 1, plan.src, 2, 2);
    const ref = referenceArea(data, sw, sh, plan.src, 2, 2);
    for (let i = 0; i < 4; i++) expect(got[i]).toBeCloseTo(ref[i]!, 4);
  });

  it('footprint weights sum to one', () => {
    for (const f of axisFootprints(1000, 0, 1000, 32)) expect(f.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const f of axisFootprints(10, 2.5, 5, 32)) expect(f.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('crop policy', () => {
  it('centre crop takes the middle square', () => {
    expect(cropPlan(400, 200, 32, 'center')).toEqual({ src: { x: 100, y: 0, w: 200, h: 200 }, dst: { x: 0, y: 0, w: 32, h: 32 } });
    expect(cropPlan(100, 300, 32, 'center').src).toEqual({ x: 0, y: 100, w: 100, h: 100 });
  });

  it('fit keeps the whole image, centred, with padding', () => {
    expect(cropPlan(400, 200, 32, 'fit')).toEqual({ src: { x: 0, y: 0, w: 400, h: 200 }, dst: { x: 0, y: 8, w: 32, h: 16 } });
    expect(cropPlan(90, 300, 32, 'fit').dst).toEqual({ x: 11, y: 0, w: 10, h: 32 });
  });

  it('letterbox pads with the given colour and rounds to bytes', () => {
    const sw = 8;
    const sh = 4;
    const rgb = new Float32Array(sw * sh * 3).fill(250.4);
    const out = toNetworkInput(rgb, sw, sh, 4, 'fit', [1, 2, 3]);
    // rows 0 and 3 are padding, rows 1–2 the image
    expect(Array.from(out.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(out.subarray(4 * 3, 4 * 3 + 3))).toEqual([250, 250, 250]);
    expect(Array.from(out.subarray(3 * 4 * 3, 3 * 4 * 3 + 3))).toEqual([1, 2, 3]);
  });

  it('mean colour and fitWithin', () => {
    expect(meanColour([0.5, 0.25, 1], 255)).toEqual([127.5, 63.75, 255]);
    expect(fitWithin(4000, 3000, 2048)).toEqual({ w: 2048, h: 1536 });
    expect(fitWithin(100, 50, 2048)).toEqual({ w: 100, h: 50 });
  });
});

describe('alpha compositing on white', () => {
  it('blends straight alpha with white', () => {
    const rgba = [255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255, 128, 10, 20, 30, 51];
    const out = Array.from(compositeOnWhite(rgba, 4));
    expect(out.slice(0, 3)).toEqual([255, 0, 0]); // opaque: unchanged
    expect(out.slice(3, 6)).toEqual([255, 255, 255]); // transparent black → white
    expect(out[6]).toBeCloseTo(255 * (1 - 128 / 255), 4);
    expect(out[8]).toBeCloseTo(255, 4);
    expect(out[9]).toBeCloseTo(10 * 0.2 + 255 * 0.8, 4);
  });
});
