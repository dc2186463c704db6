/**
 * "Which channels matter here": the channels of one block ranked by how much forcing s_c = 0
 * (all other current interventions kept) changes the probability of the current top class.
 * Pure functions; the forward passes themselves run in the experiments store.
 */
import type { Overrides } from '../types/forward';

export interface RankedChannel {
  channel: number;
  /** p_top(with s_c = 0) − p_top(current), in probability (−1..1) */
  delta: number;
  /** the top class's probability with the channel zeroed */
  pTop: number;
  /** the class that wins with the channel zeroed */
  newTop: number;
  /** whether zeroing the channel changes the predicted class */
  flips: boolean;
  /** the channel was already forced to 0 by the user, so zeroing it changes nothing */
  alreadyZero: boolean;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** The current overrides plus s_c = 0 in `block` (a new object; the input is not changed). */
export function withChannelZeroed(ov: Overrides, block: number, channel: number): Overrides {
  const o = ov[block] ?? {};
  return { ...ov, [block]: { ...o, channels: { ...(o.channels ?? {}), [channel]: 0 } } };
}

/** Has the user already forced this channel to 0? */
export function isZeroed(ov: Overrides, block: number, channel: number): boolean {
  return ov[block]?.channels?.[channel] === 0;
}

/**
 * Ranks channels by |Δ p_top|, largest first (ties: lower channel first). `zeroed[c]` holds the
 * class probabilities with channel c zeroed; entries left undefined (not computed, e.g. after a
 * cancellation) are skipped.
 */
export function rankChannels(
  baseProbs: ArrayLike<number>,
  zeroed: (ArrayLike<number> | undefined)[],
  alreadyZero: (c: number) => boolean = () => false,
): RankedChannel[] {
  const top = argmax(baseProbs);
  const p0 = baseProbs[top]!;
  const rows: RankedChannel[] = [];
  zeroed.forEach((probs, channel) => {
    if (!probs) return;
    const newTop = argmax(probs);
    rows.push({ channel, delta: probs[top]! - p0, pTop: probs[top]!, newTop, flips: newTop !== top, alreadyZero: alreadyZero(channel) });
  });
  return rows.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.channel - b.channel);
}

/** Summary for the text alternative: how many channels lower the top class, and by how much at most. */
export function rankingSummary(rows: RankedChannel[]): { lowering: number; raising: number; flips: number; largest: RankedChannel | null } {
  return {
    lowering: rows.filter((r) => r.delta < 0).length,
    raising: rows.filter((r) => r.delta > 0).length,
    flips: rows.filter((r) => r.flips).length,
    largest: rows[0] ?? null,
  };
}
