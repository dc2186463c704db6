import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../types/card';
import { duration, segmentRows, trainingSummary } from './trainingSummary';

const card = (recipe: Record<string, unknown>, segments?: unknown) =>
  ({ training: { recipe, epochs: 100, plannedEpochs: 100, trainingSeconds: 9991, run: 'r', framework: 'f', segments } }) as unknown as ModelCard;

describe('training summary', () => {
  it('lists the recipe in reading order and skips keys the card lacks', () => {
    const s = trainingSummary(card({ seed: 0, lr: 0.1, epochs: 100, threads: 1, hflip: true }));
    expect(s.recipe).toEqual([
      { key: 'epochs', value: '100' },
      { key: 'lr', value: '0.1' },
      { key: 'hflip', value: 'true' },
      { key: 'seed', value: '0' },
    ]);
    expect(s.totalSeconds).toBe(9991);
  });

  it('names CUDA devices gpu and computes seconds per epoch', () => {
    const rows = segmentRows([
      { fromEpoch: 1, toEpoch: 29, device: 'cpu', torch: '1.13', seconds: 8834.3 },
      { fromEpoch: 30, toEpoch: 97, device: 'cuda', torch: '2.11', seconds: 641.4 },
      { fromEpoch: 98, toEpoch: 100, device: 'mps', torch: '2.11', seconds: 30 },
    ]);
    expect(rows.map((r) => r.place)).toEqual(['cpu', 'gpu', 'mps']);
    expect(rows[0]!.perEpoch).toBeCloseTo(8834.3 / 29, 6);
    expect(rows[1]!.perEpoch).toBeCloseTo(641.4 / 68, 6);
    expect(segmentRows(undefined)).toEqual([]);
  });

  it('takes a typical epoch from the median, not from wall time that includes pauses', () => {
    const [row] = segmentRows([
      { fromEpoch: 1, toEpoch: 120, device: 'cpu', torch: '1.13', seconds: 20000, medianEpochSeconds: 155.2, cpuSeconds: 1550, cpuEpochs: 10 },
    ]);
    expect(row!.perEpoch).toBe(155.2);
    expect([row!.cpuSeconds, row!.cpuEpochs]).toEqual([1550, 10]);
    const [old] = segmentRows([{ fromEpoch: 1, toEpoch: 2, device: 'cpu', torch: null, seconds: 300, cpuSeconds: null, cpuEpochs: 0 }]);
    expect([old!.cpuSeconds, old!.cpuEpochs]).toEqual([null, 0]);
  });

  it('formats durations', () => {
    expect(duration(42)).toBe('42 s');
    expect(duration(641.4)).toBe('11 min');
    expect(duration(9991)).toBe('2 h 47 min');
    expect(duration(9991, { h: '{n}시간', min: '{n}분', s: '{n}초' })).toBe('2시간 47분');
  });
});
