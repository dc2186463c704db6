/**
 * Where a gate s_c comes from: every s_c is computed from all of z through the two FC layers.
 * `gatesFromZ` runs the excitation of one block on any z (the "nudge z_j" view), and
 * `excitationJacobian` is its exact derivative at the block's own taps,
 *   ∂s/∂z = diag(s(1−s)) · W₂ · diag(1[h>0]) · W₁,
 * a C×C matrix whose row c says how much each z_j moves s_c. Pure arithmetic.
 */
import type { SEWeights } from '../types/seWeights';
import { sigmoid } from './gateMath';

/** What the excitation computes from one squeezed vector z. */
export interface Excitation {
  /** ReLU(W₁z + b₁) (hidden) */
  h: Float64Array;
  /** W₂h + b₂ (C) */
  e: Float64Array;
  /** σ(e) (C) */
  s: Float64Array;
}

export function gatesFromZ(w: SEWeights, z: ArrayLike<number>): Excitation {
  const { channels: C, hidden: K } = w;
  if (z.length !== C) throw new Error(`z has ${z.length} values, the block ${C} channels`);
  const h = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let sum = w.b1[k]!;
    for (let j = 0; j < C; j++) sum += w.w1[k * C + j]! * z[j]!;
    h[k] = Math.max(0, sum);
  }
  const e = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let sum = w.b2[c]!;
    for (let k = 0; k < K; k++) sum += w.w2[c * K + k]! * h[k]!;
    e[c] = sum;
  }
  return { h, e, s: Float64Array.from(e, sigmoid) };
}

/** A C×C matrix, row-major: at(c, j) = ∂s_c/∂z_j. */
export interface Influence {
  channels: number;
  values: Float64Array;
}

export const influenceAt = (m: Influence, c: number, j: number): number => m.values[c * m.channels + j]!;

/**
 * The exact Jacobian ∂s/∂z at the block's taps: h (after the ReLU) says which hidden units
 * pass a change on (a unit cut to 0 passes none), s is the sigmoid gate.
 */
export function excitationJacobian(w: SEWeights, h: ArrayLike<number>, s: ArrayLike<number>): Influence {
  const { channels: C, hidden: K } = w;
  if (h.length !== K || s.length !== C) throw new Error(`taps (h ${h.length}, s ${s.length}) do not fit the FCs (${K}, ${C})`);
  const values = new Float64Array(C * C);
  for (let c = 0; c < C; c++) {
    const slope = s[c]! * (1 - s[c]!);
    for (let k = 0; k < K; k++) {
      if (!(h[k]! > 0)) continue;
      const a = slope * w.w2[c * K + k]!;
      if (a === 0) continue;
      for (let j = 0; j < C; j++) values[c * C + j]! += a * w.w1[k * C + j]!;
    }
  }
  return { channels: C, values };
}

/** the largest |∂s_c/∂z_j|: the colour scale runs from minus it to plus it, centred on 0 */
export function influenceExtent(m: Influence): number {
  let max = 0;
  for (const v of m.values) max = Math.max(max, Math.abs(v));
  return max;
}

/** The worked example's FCs (number[][] rows, paper orientation) as SEWeights. */
export function seWeightsFromRows(w1: number[][], b1: number[], w2: number[][], b2: number[]): SEWeights {
  return {
    channels: w2.length,
    hidden: w1.length,
    w1: Float32Array.from(w1.flat()),
    b1: Float32Array.from(b1),
    w2: Float32Array.from(w2.flat()),
    b2: Float32Array.from(b2),
  };
}
