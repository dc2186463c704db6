/**
 * Pure state changes of the experiments (interventions) slice: edits of the override set,
 * merging a partial re-run's taps with the pass before it, and the ranking's progress.
 * Every function returns new objects; inputs are never mutated.
 */
import type { BlockOverride, BlockTaps, ForwardResult, Overrides } from '../types/forward';
import type { RankedChannel } from '../compute/channelRanking';
import { isEffective, quantiseWeight } from '../compute/overridesCodec';
import { overridesKey } from '../types/overridesKey';

/** Drops blocks whose override does nothing (sigmoid gate, no channels). */
export function normalise(ov: Overrides): Overrides {
  const out: Overrides = {};
  for (const k of Object.keys(ov)) {
    const b = Number(k);
    const o = ov[b]!;
    const kept: BlockOverride = {};
    if (o.gate && o.gate !== 'sigmoid') kept.gate = o.gate;
    if (o.channels && Object.keys(o.channels).length) kept.channels = { ...o.channels };
    if (isEffective(kept)) out[b] = kept;
  }
  return out;
}

function withBlock(ov: Overrides, block: number, f: (o: BlockOverride) => BlockOverride): Overrides {
  return normalise({ ...ov, [block]: f(ov[block] ?? {}) });
}

/** s_c := v (clamped to [0, 1], thousandths) after the gate of `block`. */
export function setChannelWeight(ov: Overrides, block: number, channel: number, v: number): Overrides {
  return withBlock(ov, block, (o) => ({ ...o, channels: { ...(o.channels ?? {}), [channel]: quantiseWeight(v) } }));
}

export function zeroChannel(ov: Overrides, block: number, channel: number): Overrides {
  return setChannelWeight(ov, block, channel, 0);
}

/** Back to whatever the block's gate gives for this channel. */
export function resetChannel(ov: Overrides, block: number, channel: number): Overrides {
  return withBlock(ov, block, (o) => {
    const channels = { ...(o.channels ?? {}) };
    delete channels[channel];
    return { ...o, channels };
  });
}

/** SE on (the trained sigmoid) or off (s = 1) in one block; forced channel values stay. */
export function setBlockSE(ov: Overrides, block: number, on: boolean): Overrides {
  return withBlock(ov, block, (o) => ({ ...o, gate: on ? undefined : 'off' }));
}

/**
 * SE off (s = 1) in every SE block, or back on everywhere. Turning it off for the whole network
 * also clears forced channel values, so that the result is exactly the network without SE.
 */
export function setAllSE(ov: Overrides, seBlocks: number[], off: boolean): Overrides {
  if (off) return normalise(Object.fromEntries(seBlocks.map((b) => [b, { gate: 'off' } satisfies BlockOverride])));
  let out = ov;
  for (const b of seBlocks) if (out[b]?.gate === 'off') out = setBlockSE(out, b, true);
  return normalise(out);
}

export function setGate(ov: Overrides, block: number, gate: 'sigmoid' | 'softmax'): Overrides {
  return withBlock(ov, block, (o) => ({ ...o, gate: gate === 'sigmoid' ? undefined : gate }));
}

export function removeBlock(ov: Overrides, block: number): Overrides {
  const out = { ...ov };
  delete out[block];
  return normalise(out);
}

export function isSEOff(ov: Overrides, block: number): boolean {
  return ov[block]?.gate === 'off';
}

export function allSEOff(ov: Overrides, seBlocks: number[]): boolean {
  return seBlocks.length > 0 && seBlocks.every((b) => isSEOff(ov, b));
}

/** Number of separate interventions (a gate change counts one, each forced channel one). */
export function countInterventions(ov: Overrides): number {
  return Object.values(ov).reduce((n, o) => n + (o.gate && o.gate !== 'sigmoid' ? 1 : 0) + Object.keys(o.channels ?? {}).length, 0);
}

/**
 * The taps of every block after a partial re-run: blocks before `result.fromBlock` were not
 * recomputed (their overrides equal those of the previous pass), so they are taken from the
 * previous pass. Returns null when some block has no taps either way (then run a full pass).
 */
export function mergePassTaps(previous: (BlockTaps | null)[] | null, result: ForwardResult): (BlockTaps | null)[] | null {
  const from = result.fromBlock;
  const merged = result.blocks.map((t, b) => (b < from ? (previous?.[b] ?? null) : t));
  return merged.every((t) => t !== null) ? merged : null;
}

/* ---- ranking ---- */

export type RankingStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RankingState {
  status: RankingStatus;
  block: number | null;
  done: number;
  total: number;
  /** sorted rows (partial while running or after a cancel) */
  rows: RankedChannel[];
  /** the top class the ranking measures and its probability */
  topClass: number | null;
  baseProb: number | null;
  /** image and overrides the ranking was computed for (stale when either changed) */
  imageKey: string | number | null;
  overridesKey: string | null;
  error: string | null;
}

export const IDLE_RANKING: RankingState = {
  status: 'idle',
  block: null,
  done: 0,
  total: 0,
  rows: [],
  topClass: null,
  baseProb: null,
  imageKey: null,
  overridesKey: null,
  error: null,
};

export function rankingStarted(block: number, total: number, imageKey: string | number, ovKey: string): RankingState {
  return { ...IDLE_RANKING, status: 'running', block, total, imageKey, overridesKey: ovKey };
}

export function rankingProgress(r: RankingState, done: number, rows: RankedChannel[], topClass: number, baseProb: number): RankingState {
  return { ...r, done, rows, topClass, baseProb };
}

export function rankingFinished(r: RankingState, status: 'done' | 'cancelled' | 'error', error: string | null = null): RankingState {
  return { ...r, status, error };
}

/** Is a ranking result for something other than the current image, block and overrides? */
export function rankingStale(r: RankingState, imageKey: string | number | null, ov: Overrides, block: number): boolean {
  if (r.status === 'idle') return false;
  return r.imageKey !== imageKey || r.overridesKey !== overridesKey(ov) || r.block !== block;
}
