import { describe, expect, it } from 'vitest';
import type { ExcitationStats } from '../types/card';
import { blockSpecificity, depthTrend, distanceToClassMeans } from './excitationStats';

// the all-image mean and sd of equally large classes (law of total variance)
const allOf = (mean: number[][], std: number[][]) => {
  const K = mean.length;
  const m = mean[0]!.map((_, c) => mean.reduce((a, row) => a + row[c]!, 0) / K);
  const sd = m.map((mc, c) => Math.sqrt(mean.reduce((a, row, k) => a + std[k]![c]! ** 2 + (row[c]! - mc) ** 2, 0) / K));
  return { mean: m, std: sd };
};
const block = (mean: number[][], std: number[][], index = 0): ExcitationStats['blocks'][number] => ({
  block: index,
  channels: mean[0]!.length,
  mean,
  std,
  all: allOf(mean, std),
});

describe('blockSpecificity', () => {
  it('is zero when every class has the same excitation', () => {
    const b = block(
      [[0.3, 0.7], [0.3, 0.7], [0.3, 0.7]],
      [[0.1, 0.1], [0.1, 0.1], [0.1, 0.1]],
    );
    const r = blockSpecificity(b);
    expect(r.relativeSpread).toBeCloseTo(0, 12);
    expect(r.classShare).toBeCloseTo(0, 12);
    expect(r.meanExcitation).toBeCloseTo(0.5);
    expect(r.saturatedFraction).toBe(0);
  });

  it('measures the spread of class means relative to their mean', () => {
    // channel 0: classes at 0.2 and 0.6 (mean 0.4, spread 0.2 -> 0.5); channel 1: equal
    const b = block([[0.2, 0.95], [0.6, 0.95]], [[0, 0], [0, 0]]);
    const r = blockSpecificity(b);
    expect(r.relativeSpread).toBeCloseTo((0.5 + 0) / 2, 10);
    // all variance of channel 0 is between classes; channel 1 has none
    expect(r.classShare).toBeCloseTo(0.5, 10);
    expect(r.saturatedFraction).toBe(0.5);
  });

  it('weights classes by their image counts', () => {
    const b = block([[0.2], [0.6]], [[0], [0]]);
    const even = blockSpecificity(b, [1, 1]);
    const skewed = blockSpecificity(b, [3, 1]);
    expect(skewed.meanExcitation).toBeCloseTo(0.3, 10);
    expect(even.meanExcitation).toBeCloseTo(0.4, 10);
    expect(skewed.relativeSpread!).not.toBeCloseTo(even.relativeSpread!, 3);
  });

  it('within-class noise lowers the class share but not the spread', () => {
    const quiet = blockSpecificity(block([[0.2], [0.6]], [[0.01], [0.01]]));
    const noisy = blockSpecificity(block([[0.2], [0.6]], [[0.3], [0.3]]));
    expect(noisy.relativeSpread!).toBeCloseTo(quiet.relativeSpread!, 10);
    expect(noisy.classShare!).toBeLessThan(quiet.classShare!);
    expect(quiet.classShare).toBeGreaterThan(0.99);
  });
});

describe('a fixed gate', () => {
  it('gets no class share or spread: a ratio of two near-zero variances means nothing', () => {
    // the same s for every image, up to rounding noise in the fifth decimal
    const r = blockSpecificity(block([[0.7, 0.2], [0.70001, 0.2]], [[0.00001, 0], [0, 0.00001]]));
    expect(r.fixed).toBe(true);
    expect(r.gateSd).toBeLessThan(0.005);
    expect(r.classShare).toBeNull();
    expect(r.relativeSpread).toBeNull();
    expect(r.meanExcitation).toBeCloseTo(0.45, 4);
  });
});

describe('depthTrend and distances', () => {
  it('summarises every block in order, and finds the nearest class mean', () => {
    const stats: ExcitationStats = {
      classes: ['a', 'b'],
      images: 4,
      per_class_images: [2, 2],
      blocks: [block([[0.5], [0.5]], [[0.05], [0.05]], 0), block([[0.1], [0.9]], [[0], [0]], 1)],
    };
    const trend = depthTrend(stats);
    expect(trend.map((t) => t.block)).toEqual([0, 1]);
    expect(trend[1]!.relativeSpread!).toBeGreaterThan(trend[0]!.relativeSpread!);
    const d = distanceToClassMeans(stats.blocks[1]!, [0.8]);
    expect(d[1]).toBeLessThan(d[0]!);
  });
});
