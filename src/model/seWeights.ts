/**
 * The SE blocks' FC weights as plain typed arrays, read from the raw weight bytes (no tensors),
 * so the views can compute with them (the excitation's Jacobian, "nudge z_j") without tfjs.
 * The export stores Keras kernels (z · kernel, [C, C/r]); these are turned into the paper's
 * orientation W₁ ∈ ℝ^(C/r × C), W₂ ∈ ℝ^(C × C/r).
 */
import type { ModelCard } from '../types/card';
import type { SEWeights } from '../types/seWeights';
import type { WeightData } from './weights';

/** every float32 tensor of the raw weights by name, as a view into their bytes (in manifest order) */
function float32Views(w: WeightData): Map<string, { shape: number[]; values: Float32Array }> {
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  let offset = 0;
  for (const spec of w.specs) {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.dtype === 'float32') out.set(spec.name, { shape: spec.shape, values: new Float32Array(w.data.slice(offset, offset + n * 4)) });
    offset += n * 4; // float32 and int32 are the only dtypes the loader accepts
  }
  return out;
}

/** a [rows, cols] row-major matrix transposed */
function transposed(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c]!;
  return out;
}

/** per block of the card: its FCs, or null for a block without SE */
export function readSEWeights(card: ModelCard, w: WeightData): (SEWeights | null)[] {
  const views = float32Views(w);
  const get = (name: string) => {
    const v = views.get(name);
    if (!v) throw new Error(`weights: missing tensor ${name}`);
    return v;
  };
  return card.architecture.blocks.map((spec) => {
    if (!spec.se) return null;
    const p = `blocks/${spec.index}/se`;
    const C = spec.channels;
    const K = spec.se.hidden;
    return {
      channels: C,
      hidden: K,
      w1: transposed(get(`${p}/fc1/kernel`).values, C, K),
      b1: get(`${p}/fc1/bias`).values,
      w2: transposed(get(`${p}/fc2/kernel`).values, K, C),
      b2: get(`${p}/fc2/bias`).values,
    };
  });
}
