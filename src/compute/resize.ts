/**
 * Pure pixel math for turning a decoded image into the network input: alpha compositing,
 * crop/letterbox planning and an area-average (box filter) resampler. No DOM, no tfjs.
 */

/** How a non-square image becomes the square network input. */
export type CropPolicy = 'center' | 'fit';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CropPlan {
  /** region of the source that is sampled (source pixels, may be fractional) */
  src: Rect;
  /** where that region lands in the size×size output (whole pixels) */
  dst: Rect;
}

/**
 * centre crop: the largest centred square of the source fills the whole output.
 * fit (letterbox): the whole source, scaled to fit, centred; the rest is padding.
 */
export function cropPlan(sw: number, sh: number, size: number, policy: CropPolicy): CropPlan {
  if (sw <= 0 || sh <= 0 || size <= 0) throw new Error('cropPlan: empty image');
  if (policy === 'center') {
    const side = Math.min(sw, sh);
    return { src: { x: (sw - side) / 2, y: (sh - side) / 2, w: side, h: side }, dst: { x: 0, y: 0, w: size, h: size } };
  }
  const scale = size / Math.max(sw, sh);
  const dw = Math.max(1, Math.min(size, Math.round(sw * scale)));
  const dh = Math.max(1, Math.min(size, Math.round(sh * scale)));
  return {
    src: { x: 0, y: 0, w: sw, h: sh },
    dst: { x: Math.floor((size - dw) / 2), y: Math.floor((size - dh) / 2), w: dw, h: dh },
  };
}

/**
 * Composites straight (non-premultiplied) RGBA 0..255 over an opaque white background and
 * returns RGB as floats 0..255: c' = c·α + 255·(1 − α).
 */
export function compositeOnWhite(rgba: ArrayLike<number>, pixelCount: number): Float32Array {
  if (rgba.length < pixelCount * 4) throw new Error('compositeOnWhite: buffer too small');
  const out = new Float32Array(pixelCount * 3);
  for (let i = 0; i < pixelCount; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    const bg = 255 * (1 - a);
    out[i * 3] = rgba[i * 4]! * a + bg;
    out[i * 3 + 1] = rgba[i * 4 + 1]! * a + bg;
    out[i * 3 + 2] = rgba[i * 4 + 2]! * a + bg;
  }
  return out;
}

/** One output sample's footprint on a source axis: first source index and per-pixel weights. */
interface Footprint {
  start: number;
  weights: Float64Array;
}

/**
 * For each of `n` output samples spanning [offset, offset + length) of a source axis with
 * `srcLen` pixels, the overlap of the sample interval with each source pixel, normalised to
 * sum 1. This is exact area averaging; when upsampling it degenerates to nearest/box.
 */
export function axisFootprints(srcLen: number, offset: number, length: number, n: number): Footprint[] {
  const step = length / n;
  const result: Footprint[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, offset + i * step);
    const b = Math.min(srcLen, offset + (i + 1) * step);
    const first = Math.min(srcLen - 1, Math.floor(a));
    const last = Math.max(first, Math.min(srcLen - 1, Math.ceil(b) - 1));
    const weights = new Float64Array(last - first + 1);
    let sum = 0;
    for (let p = first; p <= last; p++) {
      const w = Math.max(0, Math.min(b, p + 1) - Math.max(a, p));
      weights[p - first] = w;
      sum += w;
    }
    if (sum <= 0) {
      weights.fill(0);
      weights[0] = 1;
    } else {
      for (let k = 0; k < weights.length; k++) weights[k]! /= sum;
    }
    result.push({ start: first, weights });
  }
  return result;
}

/**
 * Area-average resample of an interleaved image (`channels` values per pixel) from the source
 * rectangle `src` into a dw×dh image. Separable: a horizontal pass, then a vertical pass.
 */
export function resizeArea(
  data: ArrayLike<number>,
  sw: number,
  sh: number,
  channels: number,
  src: Rect,
  dw: number,
  dh: number,
): Float32Array {
  if (data.length < sw * sh * channels) throw new Error('resizeArea: buffer too small');
  const fx = axisFootprints(sw, src.x, src.w, dw);
  const fy = axisFootprints(sh, src.y, src.h, dh);
  // rows that any output row touches
  const y0 = fy[0]!.start;
  const y1 = fy[fy.length - 1]!.start + fy[fy.length - 1]!.weights.length;
  const rows = y1 - y0;
  const tmp = new Float64Array(rows * dw * channels);
  for (let y = 0; y < rows; y++) {
    const rowBase = (y0 + y) * sw * channels;
    for (let x = 0; x < dw; x++) {
      const f = fx[x]!;
      const o = (y * dw + x) * channels;
      for (let k = 0; k < f.weights.length; k++) {
        const w = f.weights[k]!;
        if (w === 0) continue;
        const s = rowBase + (f.start + k) * channels;
        for (let c = 0; c < channels; c++) tmp[o + c]! += w * data[s + c]!;
      }
    }
  }
  const out = new Float32Array(dw * dh * channels);
  for (let y = 0; y < dh; y++) {
    const f = fy[y]!;
    for (let k = 0; k < f.weights.length; k++) {
      const w = f.weights[k]!;
      if (w === 0) continue;
      const base = (f.start - y0 + k) * dw * channels;
      const o = y * dw * channels;
      for (let i = 0; i < dw * channels; i++) out[o + i]! += w * tmp[base + i]!;
    }
  }
  return out;
}

/**
 * The network input: RGB 0..255 (rounded to whole values, as stored and shown) of size×size.
 * `rgb` is the composited source (RGB floats), `pad` the letterbox colour.
 */
export function toNetworkInput(
  rgb: ArrayLike<number>,
  sw: number,
  sh: number,
  size: number,
  policy: CropPolicy,
  pad: [number, number, number],
): Uint8Array {
  const plan = cropPlan(sw, sh, size, policy);
  const region = resizeArea(rgb, sw, sh, 3, plan.src, plan.dst.w, plan.dst.h);
  const out = new Uint8Array(size * size * 3);
  for (let i = 0; i < size * size; i++) {
    out[i * 3] = Math.round(pad[0]);
    out[i * 3 + 1] = Math.round(pad[1]);
    out[i * 3 + 2] = Math.round(pad[2]);
  }
  for (let y = 0; y < plan.dst.h; y++) {
    for (let x = 0; x < plan.dst.w; x++) {
      const s = (y * plan.dst.w + x) * 3;
      const o = ((plan.dst.y + y) * size + plan.dst.x + x) * 3;
      for (let c = 0; c < 3; c++) out[o + c] = Math.max(0, Math.min(255, Math.round(region[s + c]!)));
    }
  }
  return out;
}

/** The dataset mean colour (0..255): letterbox padding that normalises to zero. */
export function meanColour(mean: number[], pixelScale: number): [number, number, number] {
  return [0, 1, 2].map((c) => (mean[c] ?? 0.5) * pixelScale) as [number, number, number];
}

/** Largest size ≤ maxSide with the same aspect ratio (for a pre-reduction of huge photos). */
export function fitWithin(w: number, h: number, maxSide: number): { w: number; h: number } {
  const k = Math.min(1, maxSide / Math.max(w, h));
  return { w: Math.max(1, Math.round(w * k)), h: Math.max(1, Math.round(h * k)) };
}
