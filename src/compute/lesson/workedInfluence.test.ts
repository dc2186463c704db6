import { describe, expect, it } from 'vitest';
import { exampleParams, workedInfluence } from './workedInfluence';

describe('the worked example’s ∂s/∂z (what the lesson says about it)', () => {
  it('only hidden unit 0 is on; z₁ and z₃ reach no gate, and gate 2 hears no z', () => {
    const w = workedInfluence();
    expect(w.unitsOn).toEqual([0]);
    expect(w.zeroCols).toEqual([1, 3]);
    expect(w.zeroRows).toEqual([2]);
  });
  it('the cell worked by hand: s₀(1 − s₀) · W₂[0][0] · W₁[0][0] ≈ 0.73 · 0.27 · 1 · 1', () => {
    const w = workedInfluence();
    expect(w.s0).toBeCloseTo(0.7311, 4);
    expect(w.slope0).toBeCloseTo(0.1966, 4);
    expect(w.path0).toBe(1);
    expect(w.cell00).toBeCloseTo(w.slope0 * w.path0, 12);
    // the matrix is 4×4: a student can check every cell
    expect(w.rows.map((r) => r.length)).toEqual([4, 4, 4, 4]);
    expect(w.rows[3]![0]).toBeCloseTo(2 * 0.8808 * 0.1192, 3);
    expect(w.rows[1]![2]).toBeCloseTo(-0.1966, 4);
  });
  it('the lesson’s sentence gets the numbers a student writes', () => {
    expect(exampleParams()).toEqual({ h: '1, 0', k: '0', cols: '1, 3', rows: '2', s0: '0.73', s0c: '0.27', path: '1', cell: '0.20' });
  });
});
