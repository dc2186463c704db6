/**
 * Colour scales (d3) for the heatmaps, strips, bars and legends, memoised as 256-entry
 * lookup tables. Colour-blind-safe: viridis for magnitudes, cividis for the gate s and a
 * red–blue diverging scale (ColorBrewer RdBu) centred on zero for signed values.
 */
import { interpolateCividis, interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { scaleLinear } from 'd3-scale';
import { lutIndex } from '../compute/chartdata';
import { SIGNED, type Domain, type Quantity } from '../compute/domain';

export type Palette = 'viridis' | 'cividis' | 'diverging';

const interpolators: Record<Palette, (t: number) => string> = {
  viridis: interpolateViridis,
  cividis: interpolateCividis,
  // RdBu runs red → blue; negative values should be blue
  diverging: (t) => interpolateRdBu(1 - t),
};

export const LUT_SIZE = 256;
const luts = new Map<Palette, Uint8Array>();

/** "#rrggbb" or "rgb(r, g, b)" → [r, g, b] */
export function parseColour(c: string): [number, number, number] {
  if (c.startsWith('#') && c.length === 7) {
    return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
  }
  const m = c.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/);
  if (m) return [Math.round(+m[1]!), Math.round(+m[2]!), Math.round(+m[3]!)];
  throw new Error(`unparsed colour ${c}`);
}

export function paletteLut(p: Palette): Uint8Array {
  let lut = luts.get(p);
  if (!lut) {
    lut = new Uint8Array(LUT_SIZE * 3);
    for (let i = 0; i < LUT_SIZE; i++) lut.set(parseColour(interpolators[p](i / (LUT_SIZE - 1))), i * 3);
    luts.set(p, lut);
  }
  return lut;
}

export function paletteFor(q: Quantity): Palette {
  if (SIGNED[q]) return 'diverging';
  return q === 's' ? 'cividis' : 'viridis';
}

export function cssColour(p: Palette, d: Domain, v: number): string {
  const lut = paletteLut(p);
  const k = lutIndex(v, d, LUT_SIZE) * 3;
  return `rgb(${lut[k]}, ${lut[k + 1]}, ${lut[k + 2]})`;
}

/** A CSS gradient of the palette (for legends). */
export function cssGradient(p: Palette, stops = 11): string {
  const cols = Array.from({ length: stops }, (_, i) => {
    const t = i / (stops - 1);
    return `${interpolators[p](t)} ${Math.round(t * 100)}%`;
  });
  return `linear-gradient(to right, ${cols.join(', ')})`;
}

/** Nice tick values inside the domain with their positions 0..1 along the legend, formatted. */
export function legendTicks(d: Domain, count = 3): { value: number; at: number; label: string }[] {
  const s = scaleLinear().domain([d.lo, d.hi]).range([0, 1]);
  const format = s.tickFormat(count);
  return s.ticks(count).map((value) => ({ value, at: s(value), label: format(value) }));
}
