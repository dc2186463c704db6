/**
 * Mapping read-back tensors to what the charts draw: one channel's H×W map out of an NHWC
 * tensor, RGBA pixels from a colour lookup table, top-k classes and bar orders.
 */
import type { Domain } from './domain';

/** values of channel c of an H×W×C interleaved tensor, row-major H×W */
export function channelMap(data: ArrayLike<number>, shape: [number, number, number], c: number): Float32Array {
  const [H, W, C] = shape;
  const out = new Float32Array(H * W);
  for (let i = 0; i < H * W; i++) out[i] = data[i * C + c]!;
  return out;
}

/** per-channel mean over H×W (the squeeze, recomputed for checks and summaries) */
export function channelMeans(data: ArrayLike<number>, shape: [number, number, number]): Float32Array {
  const [H, W, C] = shape;
  const out = new Float32Array(C);
  for (let i = 0; i < H * W * C; i++) out[i % C]! += data[i]!;
  for (let c = 0; c < C; c++) out[c]! /= H * W;
  return out;
}

/** Position of v in the domain as an index 0..n-1 of a lookup table (clamped). */
export function lutIndex(v: number, d: Domain, n: number): number {
  const t = (v - d.lo) / (d.hi - d.lo);
  if (!Number.isFinite(t)) return 0;
  return Math.max(0, Math.min(n - 1, Math.round(t * (n - 1))));
}

/** RGBA pixels for a map, through an RGB lookup table (n entries × 3 bytes). */
export function colourise(values: ArrayLike<number>, d: Domain, lut: Uint8Array): Uint8ClampedArray {
  const n = lut.length / 3;
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const k = lutIndex(values[i]!, d, n) * 3;
    out[i * 4] = lut[k]!;
    out[i * 4 + 1] = lut[k + 1]!;
    out[i * 4 + 2] = lut[k + 2]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

export interface Ranked {
  index: number;
  value: number;
}

/** The k largest values with their indices, largest first (ties: lower index first). */
export function topK(values: ArrayLike<number>, k: number): Ranked[] {
  const all: Ranked[] = Array.from(values, (value, index) => ({ index, value }));
  all.sort((a, b) => b.value - a.value || a.index - b.index);
  return all.slice(0, Math.max(0, k));
}

export type ChannelOrder = 'index' | 'z' | 's';

/** Channel display order: by index, or by a per-channel value, largest first. */
export function channelOrder(C: number, by: ChannelOrder, z: ArrayLike<number> | null, s: ArrayLike<number> | null): number[] {
  const idx = Array.from({ length: C }, (_, i) => i);
  const v = by === 'z' ? z : by === 's' ? s : null;
  if (!v) return idx;
  return idx.sort((a, b) => v[b]! - v[a]! || a - b);
}

/** RGB network input (HWC bytes) → RGBA for an ImageData */
export function rgbToRgba(rgb: ArrayLike<number>): Uint8ClampedArray {
  const n = rgb.length / 3;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    out[i * 4] = rgb[i * 3]!;
    out[i * 4 + 1] = rgb[i * 3 + 1]!;
    out[i * 4 + 2] = rgb[i * 3 + 2]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Compact, exact-enough number for tooltips and bars. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3)) return v.toExponential(2);
  return v.toFixed(digits);
}
