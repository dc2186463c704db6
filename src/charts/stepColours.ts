/**
 * Colours of the lesson's charts (d3 scales only; React draws). Colour-blind-safe: a
 * blue–white–red diverging scale (ColorBrewer RdBu, negative = blue) for signed values,
 * viridis for the hidden units and cividis for the gate weights s.
 */
import { interpolateCividis, interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import type { Extent } from '../compute/lesson/stepData';

export type LessonPalette = 'diverging' | 'viridis' | 'cividis';

const interpolators: Record<LessonPalette, (t: number) => string> = {
  diverging: (t) => interpolateRdBu(1 - t),
  viridis: interpolateViridis,
  cividis: interpolateCividis,
};

export function colourOf(p: LessonPalette, d: Extent, v: number): string {
  const t = d.hi > d.lo ? (v - d.lo) / (d.hi - d.lo) : 0.5;
  return interpolators[p](Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)));
}

export function gradientStops(p: LessonPalette, n = 9): { offset: string; colour: string }[] {
  return Array.from({ length: n }, (_, i) => ({ offset: `${(100 * i) / (n - 1)}%`, colour: interpolators[p](i / (n - 1)) }));
}

/** Accent colours (Okabe–Ito): distinguishable for the common colour-vision deficiencies. */
export const ACCENT = {
  highlight: '#000000',
  sigmoid: '#0072B2',
  softmax: '#D55E00',
  clipped: '#7a7a7a',
  ours: '#E69F00',
  se: '#009E73',
} as const;

const lutCache = new Map<string, Uint8ClampedArray>();

function lut(p: LessonPalette): Uint8ClampedArray {
  let l = lutCache.get(p);
  if (!l) {
    l = new Uint8ClampedArray(256 * 3);
    for (let i = 0; i < 256; i++) {
      const c = interpolators[p](i / 255);
      const m = c.match(/\d+/g);
      if (c.startsWith('#')) l.set([parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)], i * 3);
      else if (m) l.set([+m[0]!, +m[1]!, +m[2]!], i * 3);
    }
    lutCache.set(p, l);
  }
  return l;
}

/** RGBA pixels of an H×W map through a palette */
export function mapPixels(values: ArrayLike<number>, d: Extent, p: LessonPalette): Uint8ClampedArray {
  const table = lut(p);
  const out = new Uint8ClampedArray(values.length * 4);
  const span = d.hi - d.lo || 1;
  for (let i = 0; i < values.length; i++) {
    const t = Math.round(Math.min(1, Math.max(0, (values[i]! - d.lo) / span)) * 255) * 3;
    out[i * 4] = table[t]!;
    out[i * 4 + 1] = table[t + 1]!;
    out[i * 4 + 2] = table[t + 2]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** A PNG data URL of a map (browser only: needs a canvas). Empty string where there is none. */
export function mapDataUrl(values: ArrayLike<number>, h: number, w: number, d: Extent, p: LessonPalette): string {
  if (typeof document === 'undefined') return '';
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  ctx.putImageData(new ImageData(mapPixels(values, d, p) as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
  return canvas.toDataURL();
}
