/**
 * The gate functions of an SE block, in one place: the trained sigmoid and the softmax the
 * experiments and the lesson compare it with. Numerically stable (no overflow for large logits).
 */

/** σ(x) = 1 / (1 + e^(−x)), written so that neither branch overflows */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** σ applied to every logit */
export function sigmoidOf(e: ArrayLike<number>): Float64Array {
  return Float64Array.from(e, sigmoid);
}

/** softmax over all logits (they compete for a total of 1); empty in, empty out */
export function softmax(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  if (!values.length) return out;
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i]!);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    out[i] = Math.exp(values[i]! - m);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}
