import { describe, expect, it } from 'vitest';
import type { ExcitationStats } from '../types/card';
import { FIXED_GATE_SD, gateLiveness, gateSpread } from './gateLiveness';

const block = (index: number, mean: number[][], std: number[][], allStd?: number[]): ExcitationStats['blocks'][number] => ({
  block: index,
  channels: mean[0]!.length,
  mean,
  std,
  all: { mean: mean[0]!, std: allStd ?? std[0]! },
});

const stats = (blocks: ExcitationStats['blocks']): ExcitationStats => ({ classes: ['a', 'b'], images: 20, per_class_images: [10, 10], blocks });

describe('gate liveness', () => {
  it('reads the mean across-image sd of s from the exported statistics', () => {
    expect(gateSpread(block(0, [[0.5, 0.5], [0.5, 0.5]], [[0, 0], [0, 0]], [0.02, 0.04]))).toBeCloseTo(0.03, 12);
  });

  it('combines class means and sds when the all-image sd is missing (law of total variance)', () => {
    const b = block(0, [[0.4], [0.6]], [[0], [0]]);
    delete (b as Partial<typeof b>).all;
    // two equal classes at 0.4 and 0.6, no spread inside: sd 0.1
    expect(gateSpread(b, [10, 10])).toBeCloseTo(0.1, 12);
  });

  it('calls a block fixed below the one threshold and alive at or above it', () => {
    const s = stats([
      block(0, [[0.5], [0.6]], [[0.05], [0.05]], [0.06]),
      block(3, [[0.7], [0.7]], [[0], [0]], [0.00001]),
      block(4, [[0.7], [0.7]], [[0], [0]], [FIXED_GATE_SD]),
    ]);
    expect(gateLiveness(s).map((g) => g.fixed)).toEqual([false, true, false]);
    // network indices, not positions in the file
    expect(gateLiveness(s).filter((g) => g.fixed).map((g) => g.block)).toEqual([3]);
  });
});
