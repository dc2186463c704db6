import { describe, expect, it } from 'vitest';
import { gateEffect, meanAbsPerChannel } from './gateCompare';
import { sigmoidOf, softmax as softmaxOf } from './gateMath';
import { maxAbsDelta, probDeltas } from './probDelta';

describe('gate comparison', () => {
  it('softmax sums to 1, sigmoid gates each channel alone', () => {
    const e = [2, 2, 0, -3];
    const sm = softmaxOf(e);
    expect(sm.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(sm[0]).toBeCloseTo(sm[1]!, 12);
    expect(sigmoidOf([0])[0]).toBe(0.5);
    expect(softmaxOf([1000, 1000])[0]).toBeCloseTo(0.5, 12); // no overflow
  });

  it('averages |U| per channel of an interleaved tensor', () => {
    // 2 positions × 2 channels
    expect(Array.from(meanAbsPerChannel([1, -2, -3, 4], 2))).toEqual([2, 3]);
  });

  it('scales the maps by each gate and compares their total', () => {
    const u = [1, -2, -3, 4]; // mean|U| = [2, 3]
    const g = gateEffect([0, 0], u, 2);
    expect(Array.from(g.mapsSigmoid)).toEqual([1, 1.5]);
    expect(Array.from(g.mapsSoftmax)).toEqual([1, 1.5]);
    expect(g.ratio).toBeCloseTo(1, 12);
    const wide = gateEffect(new Array(64).fill(3), new Array(64).fill(1), 64);
    expect(wide.softmaxSum).toBeCloseTo(1, 10);
    expect(wide.sigmoidSum).toBeCloseTo(64 / (1 + Math.exp(-3)), 10);
    expect(wide.ratio).toBeLessThan(0.02);
  });
});

describe('probability deltas', () => {
  it('sorts by the probability after, with signed deltas', () => {
    const rows = probDeltas([0.5, 0.3, 0.2], [0.2, 0.3, 0.5]);
    expect(rows.map((r) => r.cls)).toEqual([2, 1, 0]);
    expect(rows[0]!.delta).toBeCloseTo(0.3, 12);
    expect(rows[1]!.delta).toBe(0);
    expect(maxAbsDelta(rows)).toBeCloseTo(0.3, 12);
    expect(maxAbsDelta([])).toBe(0);
  });
});
