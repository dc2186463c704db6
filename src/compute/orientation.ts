/**
 * EXIF orientation (tag 0x0112): reading it from JPEG bytes and applying it to RGBA pixels.
 * 1 normal · 2 mirror horizontal · 3 rotate 180 · 4 mirror vertical · 5 transpose ·
 * 6 rotate 90° clockwise · 7 transverse · 8 rotate 90° counter-clockwise.
 */

export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function isOrientation(v: number): v is Orientation {
  return Number.isInteger(v) && v >= 1 && v <= 8;
}

/** Orientations 5–8 swap width and height. */
export function swapsAxes(o: Orientation): boolean {
  return o >= 5;
}

export function orientedSize(w: number, h: number, o: Orientation): { w: number; h: number } {
  return swapsAxes(o) ? { w: h, h: w } : { w, h };
}

/** Source pixel (x, y) of output pixel (x', y') for an image of source size w×h. */
export function sourceOf(x: number, y: number, w: number, h: number, o: Orientation): [number, number] {
  switch (o) {
    case 1: return [x, y];
    case 2: return [w - 1 - x, y];
    case 3: return [w - 1 - x, h - 1 - y];
    case 4: return [x, h - 1 - y];
    case 5: return [y, x];
    case 6: return [y, h - 1 - x];
    case 7: return [w - 1 - y, h - 1 - x];
    case 8: return [w - 1 - y, x];
  }
}

/** Returns a new RGBA buffer with the orientation applied (upright pixels). */
export function applyOrientation(
  rgba: ArrayLike<number>,
  w: number,
  h: number,
  o: Orientation,
): { data: Uint8ClampedArray; w: number; h: number } {
  const size = orientedSize(w, h, o);
  const out = new Uint8ClampedArray(size.w * size.h * 4);
  for (let y = 0; y < size.h; y++) {
    for (let x = 0; x < size.w; x++) {
      const [sx, sy] = sourceOf(x, y, w, h, o);
      const s = (sy * w + sx) * 4;
      const d = (y * size.w + x) * 4;
      out[d] = rgba[s]!;
      out[d + 1] = rgba[s + 1]!;
      out[d + 2] = rgba[s + 2]!;
      out[d + 3] = rgba[s + 3]!;
    }
  }
  return { data: out, ...size };
}

/**
 * Orientation from a TIFF structure (the body of a JPEG APP1 "Exif\0\0" segment), or 1 when
 * absent or malformed.
 */
export function readTiffOrientation(b: Uint8Array, start: number, end: number): Orientation {
  if (end - start < 8) return 1;
  const le = b[start] === 0x49 && b[start + 1] === 0x49;
  const be = b[start] === 0x4d && b[start + 1] === 0x4d;
  if (!le && !be) return 1;
  const u16 = (p: number) => (le ? b[p]! | (b[p + 1]! << 8) : (b[p]! << 8) | b[p + 1]!);
  const u32 = (p: number) =>
    le
      ? (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0
      : ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  if (u16(start + 2) !== 42) return 1;
  const ifd = start + u32(start + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (u16(entry) === 0x0112) {
      const v = u16(entry + 8);
      return isOrientation(v) ? v : 1;
    }
  }
  return 1;
}
