import { describe, expect, it } from 'vitest';
import { applyOrientation, orientedSize, readTiffOrientation, sourceOf, type Orientation } from './orientation';
import { sniffImage } from './sniff';

/** 3×2 image whose pixel value (R) encodes its position: 10·y + x */
const W = 3;
const H = 2;
const img = new Uint8ClampedArray(W * H * 4);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) img.set([10 * y + x, 0, 0, 255], (y * W + x) * 4);
const grid = (o: Orientation) => {
  const r = applyOrientation(img, W, H, o);
  const rows: number[][] = [];
  for (let y = 0; y < r.h; y++) rows.push(Array.from({ length: r.w }, (_, x) => r.data[(y * r.w + x) * 4]!));
  return rows;
};

describe('EXIF orientation', () => {
  // source:  0  1  2
  //         10 11 12
  it.each<[Orientation, number[][]]>([
    [1, [[0, 1, 2], [10, 11, 12]]],
    [2, [[2, 1, 0], [12, 11, 10]]], // mirror horizontal
    [3, [[12, 11, 10], [2, 1, 0]]], // rotate 180
    [4, [[10, 11, 12], [0, 1, 2]]], // mirror vertical
    [5, [[0, 10], [1, 11], [2, 12]]], // transpose
    [6, [[10, 0], [11, 1], [12, 2]]], // rotate 90° clockwise
    [7, [[12, 2], [11, 1], [10, 0]]], // transverse
    [8, [[2, 12], [1, 11], [0, 10]]], // rotate 90° counter-clockwise
  ])('orientation %i puts the image upright', (o, expected) => {
    expect(grid(o)).toEqual(expected);
    expect(orientedSize(W, H, o)).toEqual(o >= 5 ? { w: H, h: W } : { w: W, h: H });
  });

  it('sourceOf is a bijection for every orientation', () => {
    for (const o of [1, 2, 3, 4, 5, 6, 7, 8] as Orientation[]) {
      const { w, h } = orientedSize(W, H, o);
      const seen = new Set<string>();
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) seen.add(sourceOf(x, y, W, H, o).join(','));
      expect(seen.size).toBe(W * H);
    }
  });

  it('reads the tag from little- and big-endian TIFF', () => {
    const le = Uint8Array.from([0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    expect(readTiffOrientation(le, 0, le.length)).toBe(6);
    const be = Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0, 0, 0, 0, 0]);
    expect(readTiffOrientation(be, 0, be.length)).toBe(8);
    expect(readTiffOrientation(be.subarray(0, 12), 0, 12)).toBe(1); // truncated IFD
    const bad = Uint8Array.from(be);
    bad[19] = 9; // out of range
    expect(readTiffOrientation(bad, 0, bad.length)).toBe(1);
  });

  it('finds the orientation in a JPEG APP1 segment', () => {
    const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 0];
    const exif = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
    const app1 = [0xff, 0xe1, 0, exif.length + 2, ...exif];
    const sof = [0xff, 0xc0, 0, 11, 8, 0, 20, 0, 30, 1, 1, 0x11, 0];
    const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0];
    const bytes = Uint8Array.from([0xff, 0xd8, ...app1, ...sof, ...sos, 1, 2, 3, 0xff, 0xd9]);
    const s = sniffImage(bytes);
    expect(s).toMatchObject({ format: 'jpeg', orientation: 3, width: 30, height: 20, truncated: false });
  });
});
