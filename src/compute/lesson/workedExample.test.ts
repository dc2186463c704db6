import { describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_BLOCK, EXAMPLE_TAPS, handFigure, matVec, perChannel, shapeText, workedNumbers } from './workedExample';

describe('worked example (pure part)', () => {
  it('writes numbers as a student would', () => {
    expect([2, -1, 0, 0.7310586, 0.2689414, 0.5, 2.924234, -0.8807971, -0.0001, 0.99996].map(handFigure)).toEqual([
      '2', '−1', '0', '0.73', '0.27', '0.50', '2.92', '−0.88', '0', '1',
    ]);
  });
  it('writes shapes as ℝ with superscripts', () => {
    expect(shapeText([4])).toBe('ℝ⁴');
    expect(shapeText([2, 4])).toBe('ℝ²ˣ⁴');
    expect(shapeText([2, 2, 4])).toBe('ℝ²ˣ²ˣ⁴');
    expect(shapeText([16])).toBe('ℝ¹⁶');
  });
  it('splits NHWC taps into row-major maps per channel', () => {
    expect(perChannel([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2])).toEqual([
      [1, 3, 5, 7],
      [2, 4, 6, 8],
    ]);
  });
  it('the block is C = 4, r = 2 on 2×2 maps, and the recorded U is the chosen one', () => {
    expect(EXAMPLE_BLOCK.se).toEqual({ reduction: 2, hidden: 2 });
    expect(EXAMPLE_TAPS.shape).toEqual([2, 2, 4]);
    expect(perChannel(EXAMPLE_TAPS.u, EXAMPLE_TAPS.shape)).toEqual(EXAMPLE.u);
  });
  it('the panel’s numbers: W₁z before the ReLU, and the chain on paper', () => {
    const n = workedNumbers();
    expect(n.z).toEqual([2, 1, -1, 0]);
    expect(matVec(EXAMPLE.w1, n.z)).toEqual([1, -1]);
    expect(n.pre1).toEqual([1, -1]);
    expect(n.h).toEqual([1, 0]);
    expect(matVec(EXAMPLE.w2, n.h)).toEqual(n.e);
    expect(n.s.map(handFigure)).toEqual(['0.73', '0.27', '0.50', '0.88']);
    expect(n.scaled[0]!.map(handFigure)).toEqual(['1.46', '2.92', '0', '1.46']);
    expect(n.out[2]!.map(handFigure)).toEqual(['0', '1', '0.50', '0.50']);
  });
});
