/**
 * Per-block summaries of the exported per-class excitation statistics (the data behind the
 * paper's excitation-per-class figure). Pure functions on plain arrays.
 */
import type { ExcitationStats } from '../types/card';
import { gateSpread, isFixedGate } from './gateLiveness';

type BlockStats = ExcitationStats['blocks'][number];

export interface BlockSpecificity {
  block: number;
  channels: number;
  /**
   * Spread of the class means around the all-class mean, relative to that mean, averaged over
   * channels: mean_c( sqrt(mean_k (m[k][c] − m̄[c])²) / m̄[c] ). 0 when every class gets the
   * same excitation (class-agnostic); grows as classes are gated differently.
   */
  relativeSpread: number | null;
  /**
   * Share of the excitation variance explained by the class (η², between / total), averaged
   * over channels, in [0, 1]. Scale-free, so blocks of different saturation compare fairly.
   * null for a fixed gate: a ratio of two variances near zero (rounding noise) means nothing.
   */
  classShare: number | null;
  /** mean over channels of the across-image sd of s (gateLiveness.ts) */
  gateSd: number;
  /** the gate is practically the same for every image: a fixed per-channel scale */
  fixed: boolean;
  /** mean excitation over all channels and images */
  meanExcitation: number;
  /** fraction of channels whose all-class mean excitation is above 0.9 (saturated towards 1) */
  saturatedFraction: number;
}

export function blockSpecificity(b: BlockStats, classWeights?: number[]): BlockSpecificity {
  const K = b.mean.length;
  const C = b.channels;
  const w = classWeights ?? new Array<number>(K).fill(1);
  const wSum = w.reduce((a, x) => a + x, 0);
  let spread = 0;
  let share = 0;
  let saturated = 0;
  let meanAll = 0;
  for (let c = 0; c < C; c++) {
    // the class-weighted mean equals the all-images mean when weights are the image counts
    let m = 0;
    for (let k = 0; k < K; k++) m += w[k]! * b.mean[k]![c]!;
    m /= wSum;
    let between = 0;
    let within = 0;
    for (let k = 0; k < K; k++) {
      const d = b.mean[k]![c]! - m;
      between += w[k]! * d * d;
      within += w[k]! * b.std[k]![c]! ** 2;
    }
    between /= wSum;
    within /= wSum;
    spread += Math.sqrt(between) / Math.max(m, 1e-6);
    share += between + within > 0 ? between / (between + within) : 0;
    if (m > 0.9) saturated++;
    meanAll += m;
  }
  const gateSd = gateSpread(b, classWeights);
  const fixed = isFixedGate(gateSd);
  return {
    block: b.block,
    channels: C,
    relativeSpread: fixed ? null : spread / C,
    classShare: fixed ? null : share / C,
    gateSd,
    fixed,
    meanExcitation: meanAll / C,
    saturatedFraction: saturated / C,
  };
}

/** One summary per SE block, in network order (the depth trend at a glance). */
export function depthTrend(stats: ExcitationStats): BlockSpecificity[] {
  return stats.blocks.map((b) => blockSpecificity(b, stats.per_class_images));
}

/**
 * Where the current image sits relative to the classes: for each class, the mean absolute
 * difference between the image's excitation s and that class's mean excitation in a block.
 * Smaller = this image is gated like that class on average.
 */
export function distanceToClassMeans(b: BlockStats, s: ArrayLike<number>): number[] {
  return b.mean.map((row) => {
    let d = 0;
    for (let c = 0; c < row.length; c++) d += Math.abs(row[c]! - s[c]!);
    return d / row.length;
  });
}
