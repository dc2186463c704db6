/**
 * What each step of the SE animation draws, computed from one block's taps (pure). Every
 * number shown on screen comes from here, so the tests can check it against the taps.
 */
import type { BlockTaps } from '../../types/forward';
import { extent, type Domain } from '../domain';

export type Extent = Domain;

/** channel c of an H×W×C interleaved tensor as a row-major H×W array */
export function channelSlice(data: ArrayLike<number>, shape: [number, number, number], c: number): Float32Array {
  const [H, W, C] = shape;
  const out = new Float32Array(H * W);
  for (let i = 0; i < H * W; i++) out[i] = data[i * C + c]!;
  return out;
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return values.length ? s / values.length : 0;
}

/** min/max of the values (the explorer's `extent`) */
export const extentOf: (values: ArrayLike<number>) => Extent = extent;

/** symmetric around 0, never degenerate */
export function symmetric(e: Extent): Extent {
  const m = Math.max(Math.abs(e.lo), Math.abs(e.hi)) || 1;
  return { lo: -m, hi: m };
}

import { sigmoid } from '../gateMath';

// ---- step 0 and 1: U and the squeeze ----

export interface SqueezeCell {
  channel: number;
  /** z_c as tapped */
  z: number;
  /** mean of u_c recomputed here (should equal z up to float error) */
  recomputed: number;
  /** number of values that were averaged (H·W) */
  count: number;
  min: number;
  max: number;
}

export function squeezeCells(taps: BlockTaps): SqueezeCell[] {
  const [H, W, C] = taps.shape;
  return Array.from({ length: C }, (_, c) => {
    const map = channelSlice(taps.u, taps.shape, c);
    const { lo, hi } = extentOf(map);
    const recomputed = mean(map);
    return { channel: c, z: taps.z ? taps.z[c]! : recomputed, recomputed, count: H * W, min: lo, max: hi };
  });
}

// ---- step 2: FC1 + ReLU ----

export interface HiddenUnit {
  unit: number;
  /** δ(W₁z) as tapped */
  h: number;
  /** ReLU output exactly 0: the pre-activation was ≤ 0 and was clipped */
  clipped: boolean;
}

export function hiddenUnits(taps: BlockTaps): HiddenUnit[] {
  if (!taps.h) return [];
  return Array.from(taps.h, (h, unit) => ({ unit, h, clipped: h <= 0 }));
}

// ---- step 3: FC2 + sigmoid ----

export interface GatePoint {
  channel: number;
  /** excitation logit before the gate */
  e: number;
  /** the trained gate σ(e) */
  sModel: number;
  /** the weight actually applied (differs from sModel under an intervention) */
  s: number;
  overridden: boolean;
}

export function gatePoints(taps: BlockTaps): GatePoint[] {
  if (!taps.e || !taps.s) return [];
  const { e, s } = taps;
  return Array.from(e, (ev, channel) => {
    const sModel = taps.sModel ? taps.sModel[channel]! : sigmoid(ev);
    const sv = s[channel]!;
    return { channel, e: ev, sModel, s: sv, overridden: Math.abs(sv - sModel) > 1e-5 };
  });
}

/** x range for the sigmoid plot: at least [-6, 6], widened to show every logit */
export function sigmoidDomain(points: GatePoint[]): Extent {
  const ex = extentOf(points.map((p) => p.e));
  const m = Math.max(6, Math.ceil(Math.max(Math.abs(ex.lo), Math.abs(ex.hi))));
  return { lo: -m, hi: m };
}

/** samples of σ over a range, for drawing the curve */
export function sigmoidCurve(range: Extent, n = 121): { x: number; y: number }[] {
  return Array.from({ length: n }, (_, i) => {
    const x = range.lo + ((range.hi - range.lo) * i) / (n - 1);
    return { x, y: sigmoid(x) };
  });
}

// ---- step 4: scale ----

export interface ScaledChannel {
  channel: number;
  s: number;
  /** mean |u_c| before and after the scale */
  before: number;
  after: number;
}

export function meanAbs(data: ArrayLike<number>, shape: [number, number, number], c: number): number {
  const [H, W, C] = shape;
  let sum = 0;
  for (let i = 0; i < H * W; i++) sum += Math.abs(data[i * C + c]!);
  return H * W ? sum / (H * W) : 0;
}

export function scaledChannels(taps: BlockTaps): ScaledChannel[] {
  const C = taps.shape[2];
  return Array.from({ length: C }, (_, c) => ({
    channel: c,
    s: taps.s ? taps.s[c]! : 1,
    before: meanAbs(taps.u, taps.shape, c),
    after: meanAbs(taps.scaled, taps.shape, c),
  }));
}

// ---- step 5: residual add + ReLU ----

export interface OutputChannel {
  channel: number;
  /** mean of the scaled branch, mean of the block output */
  scaledMean: number;
  outMean: number;
  /** fraction of positions that the final ReLU set to 0 */
  zeroFraction: number;
}

export function outputChannels(taps: BlockTaps): OutputChannel[] {
  const [H, W, C] = taps.shape;
  return Array.from({ length: C }, (_, c) => {
    let zeros = 0;
    let sumScaled = 0;
    let sumOut = 0;
    for (let i = 0; i < H * W; i++) {
      const o = taps.out[i * C + c]!;
      if (o <= 0) zeros++;
      sumOut += o;
      sumScaled += taps.scaled[i * C + c]!;
    }
    const n = H * W || 1;
    return { channel: c, scaledMean: sumScaled / n, outMean: sumOut / n, zeroFraction: zeros / n };
  });
}

// ---- colour domains shared by the steps ----

export interface StepDomains {
  /** U, scaled and out share one symmetric (robust) domain, so dimming and the residual are comparable */
  maps: Extent;
  /** z is a mean of U: the same domain as the maps would wash it out, so it gets its own */
  z: Extent;
  h: Extent;
  e: Extent;
}

/**
 * The q-quantile of |v| over several arrays: a colour range that a few extreme values cannot
 * wash out (values beyond it are drawn at the end colour).
 */
export function robustAbsMax(arrays: ArrayLike<number>[], q = 0.995): number {
  const n = arrays.reduce((s, a) => s + a.length, 0);
  if (!n) return 1;
  const all = new Float32Array(n);
  let k = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) all[k++] = Math.abs(a[i]!);
  all.sort();
  const v = all[Math.min(n - 1, Math.floor(q * (n - 1)))]!;
  return v > 0 ? v : all[n - 1]! || 1;
}

export function stepDomains(taps: BlockTaps): StepDomains {
  const m = robustAbsMax([taps.u, taps.scaled, taps.out]);
  const maps = { lo: -m, hi: m };
  const z = symmetric(taps.z ? extentOf(taps.z) : { lo: -1, hi: 1 });
  const hx = taps.h ? extentOf(taps.h) : { lo: 0, hi: 1 };
  const h = { lo: 0, hi: hx.hi > 0 ? hx.hi : 1 };
  const e = symmetric(taps.e ? extentOf(taps.e) : { lo: -1, hi: 1 });
  return { maps, z, h, e };
}

// ---- picking channels to talk about ----

export type ChannelPick = 'most-suppressed' | 'most-kept' | 'quietest' | 'loudest';

/** Index of the channel a lesson sentence refers to, or null when the block has no SE. */
export function pickChannel(taps: BlockTaps, pick: ChannelPick | number): number | null {
  const C = taps.shape[2];
  if (typeof pick === 'number') return pick >= 0 && pick < C ? Math.floor(pick) : null;
  if (pick === 'most-suppressed' || pick === 'most-kept') {
    if (!taps.s) return null;
    return argBy(taps.s, pick === 'most-suppressed' ? -1 : 1);
  }
  // quietest: the emptiest block-output channel; loudest: the strongest channel of U
  const src = pick === 'quietest' ? taps.out : taps.u;
  const energy = Float32Array.from({ length: C }, (_, c) => meanAbs(src, taps.shape, c));
  return argBy(energy, pick === 'quietest' ? -1 : 1);
}

/** index of the largest (sign 1) or smallest (sign -1) value, lowest index on ties */
export function argBy(values: ArrayLike<number>, sign: 1 | -1): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (sign * values[i]! > sign * values[best]!) best = i;
  return best;
}
