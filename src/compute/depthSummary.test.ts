import { describe, expect, it } from 'vitest';
import type { BlockSpecificity } from './excitationStats';
import { depthFacts, direction } from './depthSummary';

const spec = (block: number, classShare: number, saturatedFraction: number, meanExcitation = 0.5): BlockSpecificity => ({
  block,
  channels: 16,
  relativeSpread: classShare,
  classShare,
  gateSd: 0.05,
  fixed: false,
  meanExcitation,
  saturatedFraction,
});
const fixedSpec = (block: number): BlockSpecificity => ({ ...spec(block, 0, 0), classShare: null, relativeSpread: null, gateSd: 0, fixed: true });

describe('depth facts', () => {
  it('finds the paper pattern: specificity rising with depth, last block saturated', () => {
    const f = depthFacts([spec(0, 0.02, 0), spec(1, 0.03, 0), spec(2, 0.05, 0), spec(3, 0.1, 0), spec(4, 0.2, 0.1), spec(5, 0.3, 0.6, 0.9)])!;
    expect(f.specificity).toBe('rises');
    expect(f.peakBlock).toBe(5);
    expect(f.earlyShare).toBeCloseTo(0.025, 12);
    expect(f.lateShare).toBeCloseTo(0.25, 12);
    expect(f.lastMostSaturated).toBe(true);
    expect(f.noneSaturated).toBe(false);
    expect(f.matchesPaper).toBe(true);
  });

  it('says so when our model differs', () => {
    const f = depthFacts([spec(0, 0.3, 0.5), spec(1, 0.31, 0), spec(2, 0.3, 0)])!;
    expect(f.specificity).toBe('flat');
    expect(f.lastMostSaturated).toBe(false);
    expect(f.matchesPaper).toBe(false);
    expect(depthFacts([spec(0, 0.4, 0), spec(1, 0.1, 0), spec(2, 0.05, 0)])!.specificity).toBe('falls');
  });

  it('needs no saturated channels to call a block unsaturated, and handles tiny inputs', () => {
    expect(depthFacts([])).toBeNull();
    const one = depthFacts([spec(3, 0.2, 0)])!;
    expect(one.specificity).toBe('flat');
    expect(one.lastMostSaturated).toBe(false);
    expect(one.noneSaturated).toBe(true);
    expect(direction(0.01, 0.02)).toBe('flat'); // below the absolute threshold
    expect(direction(0.5, 0.55)).toBe('flat'); // below the relative threshold
    expect(direction(0.1, 0.3)).toBe('rises');
  });

  it('leaves fixed blocks out of the class-share trend and names them', () => {
    // blocks 2 and 3 are fixed: their (meaningless) share must not pull the late third down
    const f = depthFacts([spec(0, 0.02, 0), spec(1, 0.03, 0), fixedSpec(2), fixedSpec(3), spec(4, 0.2, 0.1), spec(5, 0.3, 0.6, 0.9)])!;
    expect(f.fixedBlocks).toEqual([2, 3]);
    expect(f.hasLiveBlocks).toBe(true);
    // live blocks 0, 1, 4, 5: a third of them is one block each end
    expect(f.earlyShare).toBeCloseTo(0.02, 12);
    expect(f.lateShare).toBeCloseTo(0.3, 12);
    expect(f.peakBlock).toBe(5);
    expect(f.specificity).toBe('rises');
    const none = depthFacts([fixedSpec(0), fixedSpec(1)])!;
    expect(none.hasLiveBlocks).toBe(false);
    expect(none.specificity).toBe('flat');
  });
});
