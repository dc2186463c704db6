/**
 * The two FC layers of one SE block as plain numbers, in the paper's orientation:
 * h = ReLU(W₁z + b₁), e = W₂h + b₂, s = σ(e). Pure types.
 */
export interface SEWeights {
  /** C: channels of the block */
  channels: number;
  /** C/r: units of the bottleneck */
  hidden: number;
  /** W₁ ∈ ℝ^(hidden × C), row-major: w1[k·C + j] weighs z_j in hidden unit k */
  w1: Float32Array;
  b1: Float32Array;
  /** W₂ ∈ ℝ^(C × hidden), row-major: w2[c·hidden + k] weighs h_k in logit e_c */
  w2: Float32Array;
  b2: Float32Array;
}
