/**
 * Reads the depth trend of the per-class excitation statistics (one BlockSpecificity per SE
 * block) and states what our model shows, in facts a sentence can be built from. Pure.
 */
import type { BlockSpecificity } from './excitationStats';

export type Direction = 'rises' | 'flat' | 'falls';

export interface DepthFacts {
  blocks: number;
  /** blocks whose gate is fixed (the same for every image): no class share is computed for them */
  fixedBlocks: number[];
  /** the class-share figures below come from the live blocks only; false when there is none */
  hasLiveBlocks: boolean;
  firstBlock: number;
  lastBlock: number;
  /** class share of variance (η²) in the first and last SE block */
  firstShare: number;
  lastShare: number;
  /** block with the highest class share, and that share */
  peakBlock: number;
  peakShare: number;
  /** early third vs late third of the SE blocks (mean class share) */
  earlyShare: number;
  lateShare: number;
  specificity: Direction;
  /** saturated fraction and mean excitation of the last block, and the highest saturated fraction of the others */
  lastSaturated: number;
  lastMean: number;
  othersMaxSaturated: number;
  /** the last block is the most saturated one (ties count) and has at least some saturated channels */
  lastMostSaturated: boolean;
  /** no SE block has any channel whose mean excitation is above 0.9 */
  noneSaturated: boolean;
  /** both of the paper's qualitative observations hold for our numbers */
  matchesPaper: boolean;
}

/** Classifies a change from a to b; `minAbs` keeps noise in tiny shares from reading as a trend. */
export function direction(a: number, b: number, minAbs = 0.02, minRel = 0.25): Direction {
  const d = b - a;
  if (Math.abs(d) < minAbs || Math.abs(d) < minRel * Math.max(Math.abs(a), Math.abs(b))) return 'flat';
  return d > 0 ? 'rises' : 'falls';
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export function depthFacts(trend: BlockSpecificity[]): DepthFacts | null {
  if (trend.length === 0) return null;
  const n = trend.length;
  // a fixed gate's class share is a ratio of two near-zero variances: leave those blocks out
  const live = trend.filter((t) => t.classShare !== null);
  const shares = live.map((t) => t.classShare!);
  const third = Math.max(1, Math.floor(live.length / 3));
  const earlyShare = mean(shares.slice(0, third));
  const lateShare = mean(shares.slice(Math.max(0, live.length - third)));
  let peak = live[0] ?? trend[0]!;
  for (const t of live) if (t.classShare! > peak.classShare!) peak = t;
  const last = trend[n - 1]!;
  const othersMaxSaturated = n > 1 ? Math.max(...trend.slice(0, -1).map((t) => t.saturatedFraction)) : 0;
  const lastMostSaturated = last.saturatedFraction > 0 && last.saturatedFraction >= othersMaxSaturated;
  const specificity = live.length > 1 ? direction(earlyShare, lateShare) : 'flat';
  return {
    blocks: n,
    fixedBlocks: trend.filter((t) => t.fixed).map((t) => t.block),
    hasLiveBlocks: live.length > 0,
    firstBlock: trend[0]!.block,
    lastBlock: last.block,
    firstShare: live[0]?.classShare ?? 0,
    lastShare: live[live.length - 1]?.classShare ?? 0,
    peakBlock: peak.block,
    peakShare: peak.classShare ?? 0,
    earlyShare,
    lateShare,
    specificity,
    lastSaturated: last.saturatedFraction,
    lastMean: last.meanExcitation,
    othersMaxSaturated,
    lastMostSaturated,
    noneSaturated: last.saturatedFraction === 0 && othersMaxSaturated === 0,
    matchesPaper: specificity === 'rises' && lastMostSaturated,
  };
}
