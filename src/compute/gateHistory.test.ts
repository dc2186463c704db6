import { describe, expect, it } from 'vitest';
import type { GateHistoryRow, ModelCard } from '../types/card';
import { gateHistory } from './gateHistory';

const blocks = [0, 1, 2].map((index) => ({ index, id: `stage1.block${index + 1}`, se: { hidden: 4, reduction: 4 } }));
const cardWith = (rows: unknown) =>
  ({ architecture: { blocks }, training: { gateHistory: rows as GateHistoryRow[] } }) as unknown as ModelCard;

describe('gate history', () => {
  it('gives one series per SE block and when a gate became fixed for good', () => {
    const h = gateHistory(
      cardWith([
        { epoch: 5, sd: [0.05, 0.02, 0.003], dead: [0, 0, 0] },
        { epoch: 10, sd: [0.06, 0.004, 0.01], dead: [0, 0, 0] },
        { epoch: 15, sd: [0.07, 0.0001, 0.002], dead: [0, 0, 0] },
      ]),
    )!;
    expect(h.epochs).toEqual([5, 10, 15]);
    expect(h.series.map((s) => s.block)).toEqual([0, 1, 2]);
    expect(h.series[1]!.points.map((p) => p.sd)).toEqual([0.02, 0.004, 0.0001]);
    // block 1 fell below the threshold at epoch 10 and stayed; block 2 recovered once, then fell again
    expect(h.series.map((s) => s.fixedFrom)).toEqual([null, 10, 15]);
  });

  it('reads a missing or malformed history as none', () => {
    expect(gateHistory(cardWith(undefined))).toBeNull();
    expect(gateHistory(cardWith(null))).toBeNull();
    expect(gateHistory(cardWith([]))).toBeNull();
    expect(gateHistory(cardWith([{ epoch: 5, sd: [0.1, 0.1] }]))).toBeNull(); // 2 values for 3 blocks
    expect(gateHistory(cardWith([{ epoch: 5, sd: [0.1, NaN, 0.1] }]))).toBeNull();
    expect(gateHistory(cardWith([{ epoch: 5, sd: [0.1, 0.1, 0.1] }, { epoch: 5, sd: [0.1, 0.1, 0.1] }]))).toBeNull();
  });
});
