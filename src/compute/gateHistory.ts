/**
 * How the gates learned: each SE block's across-image sd of s at every evaluation of its training
 * run (card.training.gateHistory, exported from train.py's log). Pure; a malformed history (a
 * user's own card) reads as none rather than as a broken chart.
 */
import type { ModelCard } from '../types/card';
import { seBlocks } from './cardFacts';
import { isFixedGate } from './gateLiveness';

export interface GateSeries {
  /** the block's index in the network */
  block: number;
  points: { epoch: number; sd: number }[];
  /**
   * The first evaluated epoch from which the gate stayed fixed (below the threshold) to the end,
   * null when its last evaluation is alive.
   */
  fixedFrom: number | null;
}

export interface GateHistory {
  epochs: number[];
  series: GateSeries[];
}

const isSd = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function gateHistory(card: ModelCard): GateHistory | null {
  const rows = card.training.gateHistory;
  const blocks = seBlocks(card);
  if (!Array.isArray(rows) || rows.length === 0 || blocks.length === 0) return null;
  const ok = rows.every(
    (r, i) =>
      r && typeof r.epoch === 'number' && Number.isFinite(r.epoch) && (i === 0 || r.epoch > rows[i - 1]!.epoch) &&
      Array.isArray(r.sd) && r.sd.length === blocks.length && r.sd.every(isSd),
  );
  if (!ok) return null;
  const series = blocks.map((b, k) => {
    const points = rows.map((r) => ({ epoch: r.epoch, sd: r.sd[k]! }));
    let fixedFrom: number | null = null;
    for (let i = points.length - 1; i >= 0 && isFixedGate(points[i]!.sd); i--) fixedFrom = points[i]!.epoch;
    return { block: b.index, points, fixedFrom };
  });
  return { epochs: rows.map((r) => r.epoch), series };
}
