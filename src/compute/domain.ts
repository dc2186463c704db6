/**
 * Colour domains for the heatmaps and strips: per channel, per block or across the whole
 * network, for one quantity of the SE taps. Pure functions over the read-back typed arrays.
 */
import type { BlockTaps } from '../types/forward';

export type DomainMode = 'channel' | 'block' | 'network';
/** spatial maps (H×W×C) */
export type MapQuantity = 'u' | 'scaled' | 'out';
/** per-channel vectors */
export type VectorQuantity = 'z' | 'h' | 'e' | 's';
export type Quantity = MapQuantity | VectorQuantity;

export interface Domain {
  lo: number;
  hi: number;
}

/** Quantities that can be negative get a diverging scale centred on 0. */
export const SIGNED: Record<Quantity, boolean> = { u: true, scaled: true, out: false, z: true, h: false, e: true, s: false };

export function extent(values: ArrayLike<number>): Domain {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return values.length ? { lo, hi } : { lo: 0, hi: 0 };
}

/** min/max of every channel of an interleaved (…×C) tensor */
export function channelExtents(data: ArrayLike<number>, channels: number): Domain[] {
  const out: Domain[] = Array.from({ length: channels }, () => ({ lo: Infinity, hi: -Infinity }));
  for (let i = 0; i < data.length; i++) {
    const d = out[i % channels]!;
    const v = data[i]!;
    if (v < d.lo) d.lo = v;
    if (v > d.hi) d.hi = v;
  }
  return out.map((d) => (d.lo === Infinity ? { lo: 0, hi: 0 } : d));
}

export function union(domains: Domain[]): Domain {
  if (!domains.length) return { lo: 0, hi: 0 };
  return { lo: Math.min(...domains.map((d) => d.lo)), hi: Math.max(...domains.map((d) => d.hi)) };
}

/**
 * The domain actually used for colouring: signed quantities become symmetric around 0 so that
 * white/neutral means zero; unsigned ones start at min(lo, 0). A degenerate (flat) domain is
 * widened so that a scale never divides by zero.
 */
export function normalise(d: Domain, signed: boolean): Domain {
  let { lo, hi } = d;
  if (signed) {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    lo = -m;
    hi = m;
  } else {
    lo = Math.min(lo, 0);
  }
  if (!(hi > lo)) {
    const eps = Math.max(1e-6, Math.abs(hi) * 1e-6);
    return signed ? { lo: lo - eps, hi: hi + eps } : { lo, hi: lo + eps };
  }
  return { lo, hi };
}

function tapValues(t: BlockTaps, q: Quantity): Float32Array | null {
  switch (q) {
    case 'u': return t.u;
    case 'scaled': return t.scaled;
    case 'out': return t.out;
    case 'z': return t.z;
    case 'h': return t.h;
    case 'e': return t.e;
    case 's': return t.s;
  }
}

/** Raw (un-normalised) extent of a quantity in one block. */
export function blockExtent(t: BlockTaps, q: Quantity): Domain {
  const v = tapValues(t, q);
  return v ? extent(v) : { lo: 0, hi: 0 };
}

/** Raw extent of a quantity over every block that has it. */
export function networkExtent(blocks: (BlockTaps | null)[], q: Quantity): Domain {
  const ds = blocks.filter((b): b is BlockTaps => !!b && !!tapValues(b, q)).map((b) => blockExtent(b, q));
  return union(ds);
}

/**
 * One normalised domain per channel of a spatial map in `block`. In 'channel' mode each
 * channel has its own; otherwise every channel shares the block's or the network's domain.
 * `source` lets U·s be drawn on U's scale so that dimmed channels look dimmed.
 */
export function mapDomains(
  blocks: (BlockTaps | null)[],
  block: number,
  q: MapQuantity,
  mode: DomainMode,
  source: MapQuantity = q,
): Domain[] {
  const t = blocks[block];
  if (!t) return [];
  const C = t.shape[2];
  const signed = SIGNED[q] || SIGNED[source];
  if (mode === 'channel') return channelExtents(tapValues(t, source)!, C).map((d) => normalise(d, signed));
  const d = mode === 'block' ? blockExtent(t, source) : networkExtent(blocks, source);
  return Array.from({ length: C }, () => normalise(d, signed));
}

/** The domain of a per-channel vector; 'channel' mode means nothing for a 1×C strip and falls back to 'block'. */
export function vectorDomain(blocks: (BlockTaps | null)[], block: number, q: VectorQuantity, mode: DomainMode): Domain {
  const t = blocks[block];
  if (!t) return { lo: 0, hi: 1 };
  const d = mode === 'network' ? networkExtent(blocks, q) : blockExtent(t, q);
  return normalise(d, SIGNED[q]);
}
