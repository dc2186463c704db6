/**
 * Is an SE block's gate alive? A gate s = σ(W2·ReLU(W1·z + b1) + b2) that comes out the same for
 * every image is a fixed per-channel scale, not an excitation: it happens when FC1's kernel W1
 * has decayed to about zero (weight decay on W1, none on b1), so h = ReLU(b1) is a constant.
 * Read from the model's exported test-set statistics (excitation-stats.json). Pure.
 */
import type { ExcitationStats } from '../types/card';

type BlockStats = ExcitationStats['blocks'][number];

/**
 * Below this mean (over channels) across-image standard deviation of s, a block's gate counts as
 * fixed. The one threshold the whole app uses. Live blocks of the models trained here sit at
 * 0.01–0.2; the collapsed ones at 0.0000–0.0001.
 */
export const FIXED_GATE_SD = 0.005;

/**
 * Mean over channels of the across-image standard deviation of s. Uses the exported all-image sd;
 * where a file lacks it, combines the per-class means and sds (law of total variance).
 */
export function gateSpread(b: BlockStats, perClassImages?: number[]): number {
  const C = b.channels;
  if (b.all && Array.isArray(b.all.std) && b.all.std.length === C) {
    return b.all.std.reduce((a, v) => a + v, 0) / C;
  }
  const K = b.mean.length;
  const w = perClassImages ?? new Array<number>(K).fill(1);
  const wSum = w.reduce((a, x) => a + x, 0);
  let sum = 0;
  for (let c = 0; c < C; c++) {
    let m = 0;
    for (let k = 0; k < K; k++) m += w[k]! * b.mean[k]![c]!;
    m /= wSum;
    let v = 0;
    for (let k = 0; k < K; k++) v += w[k]! * (b.std[k]![c]! ** 2 + (b.mean[k]![c]! - m) ** 2);
    sum += Math.sqrt(v / wSum);
  }
  return sum / C;
}

export const isFixedGate = (sd: number) => sd < FIXED_GATE_SD;

export interface GateLiveness {
  /** the block's index in the network */
  block: number;
  sd: number;
  fixed: boolean;
}

export function gateLiveness(stats: ExcitationStats): GateLiveness[] {
  return stats.blocks.map((b) => {
    const sd = gateSpread(b, stats.per_class_images);
    return { block: b.block, sd, fixed: isFixedGate(sd) };
  });
}
