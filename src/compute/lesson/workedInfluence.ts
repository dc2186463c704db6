/**
 * The worked example's ∂s/∂z (C = 4) and the facts the lesson states about it, computed from the
 * example's FCs and recorded taps (src/compute/excitationInfluence.ts), so the text cannot drift
 * from the numbers. Pure arithmetic.
 */
import { excitationJacobian, influenceAt, seWeightsFromRows } from '../excitationInfluence';
import type { SEWeights } from '../../types/seWeights';
import { EXAMPLE, EXAMPLE_TAPS, handFigure } from './workedExample';

export const EXAMPLE_SE_WEIGHTS: SEWeights = seWeightsFromRows(EXAMPLE.w1, EXAMPLE.b1, EXAMPLE.w2, EXAMPLE.b2);

export interface WorkedInfluence {
  /** rows c, columns j: ∂s_c/∂z_j */
  rows: number[][];
  /** the hidden units above 0 (the only ones that pass a change on) */
  unitsOn: number[];
  /** channels j whose column is all 0, and gates c whose row is all 0 */
  zeroCols: number[];
  zeroRows: number[];
  /** the first cell worked by hand: s₀(1 − s₀) · Σ_k W₂[0][k] · 1[h_k>0] · W₁[k][0] */
  s0: number;
  slope0: number;
  path0: number;
  cell00: number;
}

export function workedInfluence(): WorkedInfluence {
  const h = EXAMPLE_TAPS.h!;
  const s = EXAMPLE_TAPS.sModel!;
  const m = excitationJacobian(EXAMPLE_SE_WEIGHTS, h, s);
  const C = EXAMPLE.channels;
  const idx = Array.from({ length: C }, (_, i) => i);
  const rows = idx.map((c) => idx.map((j) => influenceAt(m, c, j)));
  const unitsOn = Array.from(h, (v, k) => (v > 0 ? k : -1)).filter((k) => k >= 0);
  const s0 = s[0]!;
  return {
    rows,
    unitsOn,
    zeroCols: idx.filter((j) => idx.every((c) => rows[c]![j] === 0)),
    zeroRows: idx.filter((c) => rows[c]!.every((v) => v === 0)),
    s0,
    slope0: s0 * (1 - s0),
    path0: unitsOn.reduce((sum, k) => sum + EXAMPLE.w2[0]![k]! * EXAMPLE.w1[k]![0]!, 0),
    cell00: rows[0]![0]!,
  };
}

/** The worked example's facts as the lesson's text states them (numbers from the example's own pass). */
export function exampleParams(): Record<'h' | 'k' | 'cols' | 'rows' | 's0' | 's0c' | 'path' | 'cell', string> {
  const w = workedInfluence();
  const list = (xs: ArrayLike<number>) => Array.from(xs, (v) => handFigure(v)).join(', ');
  return {
    h: list(EXAMPLE_TAPS.h!),
    k: w.unitsOn.join(', '),
    cols: list(w.zeroCols),
    rows: list(w.zeroRows),
    s0: handFigure(w.s0),
    s0c: handFigure(1 - w.s0),
    path: handFigure(w.path0),
    cell: handFigure(w.cell00),
  };
}

