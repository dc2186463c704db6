/**
 * The trained sigmoid gate next to a softmax gate on the same excitation logits e of one block,
 * and what each does to the feature maps (mean |U·s| per channel). Pure TypeScript.
 */

import { sigmoidOf, softmax as softmaxOf } from './gateMath';


/** mean_{h,w} |U[h,w,c]| per channel of an interleaved H×W×C tensor */
export function meanAbsPerChannel(u: ArrayLike<number>, channels: number): Float64Array {
  const out = new Float64Array(channels);
  const n = u.length / channels;
  for (let i = 0; i < u.length; i++) out[i % channels]! += Math.abs(u[i]!);
  for (let c = 0; c < channels; c++) out[c]! /= n;
  return out;
}

export interface GateEffect {
  sigmoid: Float64Array;
  softmax: Float64Array;
  sigmoidSum: number;
  softmaxSum: number;
  /** mean |U·s| per channel under each gate (s ≥ 0, so |U·s| = |U|·s) */
  mapsSigmoid: Float64Array;
  mapsSoftmax: Float64Array;
  /** total signal Σ_c mean|U·s| under each gate, and the ratio softmax / sigmoid */
  energySigmoid: number;
  energySoftmax: number;
  ratio: number;
  /** the largest softmax weight and its channel */
  softmaxMax: number;
  softmaxArgmax: number;
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

export function gateEffect(e: ArrayLike<number>, u: ArrayLike<number>, channels: number): GateEffect {
  const sigmoid = sigmoidOf(e);
  const softmax = softmaxOf(e);
  const mag = meanAbsPerChannel(u, channels);
  const mapsSigmoid = mag.map((m, c) => m * sigmoid[c]!);
  const mapsSoftmax = mag.map((m, c) => m * softmax[c]!);
  const energySigmoid = sum(mapsSigmoid);
  const energySoftmax = sum(mapsSoftmax);
  let softmaxArgmax = 0;
  for (let c = 1; c < softmax.length; c++) if (softmax[c]! > softmax[softmaxArgmax]!) softmaxArgmax = c;
  return {
    sigmoid,
    softmax,
    sigmoidSum: sum(sigmoid),
    softmaxSum: sum(softmax),
    mapsSigmoid,
    mapsSoftmax,
    energySigmoid,
    energySoftmax,
    ratio: energySigmoid > 0 ? energySoftmax / energySigmoid : 0,
    softmaxMax: softmax[softmaxArgmax] ?? 0,
    softmaxArgmax,
  };
}
