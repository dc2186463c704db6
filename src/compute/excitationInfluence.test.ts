import { describe, expect, it } from 'vitest';
import type { SEWeights } from '../types/seWeights';
import { excitationJacobian, gatesFromZ, influenceAt, influenceExtent, seWeightsFromRows } from './excitationInfluence';
import { EXAMPLE, EXAMPLE_TAPS } from './lesson/workedExample';

/** a small deterministic generator (the test must not depend on Math.random) */
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
}

function randomBlock(C: number, K: number, seed: number): { w: SEWeights; z: Float64Array } {
  const r = lcg(seed);
  const w: SEWeights = {
    channels: C,
    hidden: K,
    w1: Float32Array.from({ length: K * C }, r),
    b1: Float32Array.from({ length: K }, () => 0.3 * r()),
    w2: Float32Array.from({ length: C * K }, () => 2 * r()),
    b2: Float32Array.from({ length: C }, r),
  };
  return { w, z: Float64Array.from({ length: C }, () => 2 * r()) };
}

/** central differences of gatesFromZ: column j is (s(z + εe_j) − s(z − εe_j)) / 2ε */
function finiteDifferences(w: SEWeights, z: Float64Array, eps = 1e-6): Float64Array {
  const C = w.channels;
  const out = new Float64Array(C * C);
  for (let j = 0; j < C; j++) {
    const up = Float64Array.from(z);
    const down = Float64Array.from(z);
    up[j]! += eps;
    down[j]! -= eps;
    const su = gatesFromZ(w, up).s;
    const sd = gatesFromZ(w, down).s;
    for (let c = 0; c < C; c++) out[c * C + j] = (su[c]! - sd[c]!) / (2 * eps);
  }
  return out;
}

describe('excitationJacobian (∂s/∂z)', () => {
  it.each([
    [4, 2, 6],
    [16, 4, 2],
    [64, 4, 3],
    [32, 8, 4],
  ])('matches finite differences of the block’s own FCs (C = %i, C/r = %i, seed %i)', (C, K, seed) => {
    const { w, z } = randomBlock(C, K, seed);
    const { h, s } = gatesFromZ(w, z);
    // at least one hidden unit on and one cut off, so the ReLU's mask is exercised
    expect(h.some((v) => v > 0)).toBe(true);
    expect(h.some((v) => v === 0)).toBe(true);
    const J = excitationJacobian(w, h, s);
    const fd = finiteDifferences(w, z);
    const extent = influenceExtent(J);
    expect(extent).toBeGreaterThan(1e-3);
    for (let i = 0; i < C * C; i++) expect(J.values[i]).toBeCloseTo(fd[i]!, 6);
  });

  it('a hidden unit cut to 0 by the ReLU passes no change on', () => {
    const { w, z } = randomBlock(8, 4, 5);
    const { h, s } = gatesFromZ(w, z);
    const allOff = excitationJacobian(w, new Float64Array(h.length), s);
    expect(influenceExtent(allOff)).toBe(0);
    expect(influenceExtent(excitationJacobian(w, h, s))).toBeGreaterThan(0);
  });

  it('the worked example: a 4×4 matrix a student can check by hand', () => {
    const w = seWeightsFromRows(EXAMPLE.w1, EXAMPLE.b1, EXAMPLE.w2, EXAMPLE.b2);
    const J = excitationJacobian(w, EXAMPLE_TAPS.h!, EXAMPLE_TAPS.sModel!);
    // h = (1, 0): only hidden unit 0 passes a change on, so ∂s_c/∂z_j = s_c(1 − s_c) · W₂[c][0] · W₁[0][j]
    // with W₁[0] = (1, 0, 1, 0), W₂[·][0] = (1, −1, 0, 2), s(1 − s) = (0.197, 0.197, 0.25, 0.105)
    const slope = [0.19661193, 0.19661193, 0.25, 0.10499359];
    const hand = [
      [1, 0, 1, 0],
      [-1, 0, -1, 0],
      [0, 0, 0, 0],
      [2, 0, 2, 0],
    ].map((row, c) => row.map((v) => v * slope[c]!));
    for (let c = 0; c < 4; c++) for (let j = 0; j < 4; j++) expect(influenceAt(J, c, j)).toBeCloseTo(hand[c]![j]!, 6);
  });
});

describe('gatesFromZ', () => {
  it('reproduces the worked example’s recorded pass (the app’s network computed it)', () => {
    const w = seWeightsFromRows(EXAMPLE.w1, EXAMPLE.b1, EXAMPLE.w2, EXAMPLE.b2);
    const { h, e, s } = gatesFromZ(w, EXAMPLE_TAPS.z!);
    expect(Array.from(h)).toEqual(Array.from(EXAMPLE_TAPS.h!));
    expect(Array.from(e)).toEqual(Array.from(EXAMPLE_TAPS.e!));
    s.forEach((v, c) => expect(v).toBeCloseTo(EXAMPLE_TAPS.sModel![c]!, 6));
  });

  it('nudging one z_j moves the gates of other channels too (the FCs mix channels)', () => {
    const w = seWeightsFromRows(EXAMPLE.w1, EXAMPLE.b1, EXAMPLE.w2, EXAMPLE.b2);
    const z = Float64Array.from(EXAMPLE_TAPS.z!);
    const before = gatesFromZ(w, z).s;
    z[0] = 3; // z₀ from 2 to 3: hidden unit 0 from 1 to 2
    const after = gatesFromZ(w, z).s;
    expect(after[0]).toBeGreaterThan(before[0]!);
    expect(after[1]).toBeLessThan(before[1]!); // W₂[1][0] = −1
    expect(after[3]).toBeGreaterThan(before[3]!);
    expect(after[2]).toBe(before[2]); // W₂[2][0] = 0
  });
});
