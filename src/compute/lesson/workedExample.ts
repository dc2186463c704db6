/**
 * The worked example: one SE block small enough to check on paper (C = 4, r = 2, 2×2 maps).
 * `EXAMPLE` holds the numbers we chose (U, the shortcut x, W₁, b₁, W₂, b₂, in the paper's
 * orientation: W₁ ∈ ℝ^(C/r × C)). `EXAMPLE_TAPS` is what the app's own forward pass
 * (src/model/network.ts) computed for a tiny model built from them (src/model/workedExampleFolder.ts);
 * src/model/workedExample.test.ts runs that model again and checks both against hand values.
 * Pure data and arithmetic.
 */
import type { BlockSpec } from '../../types/card';
import type { BlockTaps } from '../../types/forward';
import { EXAMPLE_TAPS_RECORDED } from './workedExampleTaps';

export interface ExampleBlock {
  /** height = width of the maps */
  size: number;
  channels: number;
  reduction: number;
  /** U per channel, row-major (channel c: u[c][i·size + j]) */
  u: number[][];
  /** the shortcut (the block's input x), per channel, row-major */
  x: number[][];
  /** W₁ ∈ ℝ^(C/r × C): row k gives hidden unit k */
  w1: number[][];
  b1: number[];
  /** W₂ ∈ ℝ^(C × C/r): row c gives logit e_c */
  w2: number[][];
  b2: number[];
}

export const EXAMPLE: ExampleBlock = {
  size: 2,
  channels: 4,
  reduction: 2,
  u: [
    [2, 4, 0, 2],
    [1, -1, 3, 1],
    [-2, 0, -1, -1],
    [0, 1, -1, 0],
  ],
  x: [
    [1, 1, 1, 1],
    [1, 1, 1, 1],
    [1, 1, 1, 1],
    [1, 1, 1, 1],
  ],
  w1: [
    [1, 0, 1, 0],
    [0, -1, 0, 1],
  ],
  b1: [0, 0],
  w2: [
    [1, 0],
    [-1, 1],
    [0, -1],
    [2, 1],
  ],
  b2: [0, 0, 0, 0],
};

/** The block as a model card describes it (the animation reads channels and hidden units from it). */
export const EXAMPLE_BLOCK: BlockSpec = {
  index: 0,
  id: 'example',
  stage: 0,
  inChannels: EXAMPLE.channels,
  channels: EXAMPLE.channels,
  stride: 1,
  inputSize: EXAMPLE.size,
  outputSize: EXAMPLE.size,
  shortcut: 'identity',
  se: { reduction: EXAMPLE.reduction, hidden: EXAMPLE.channels / EXAMPLE.reduction },
};

/** The example block's taps, as the app's forward pass computed them (NHWC like every tap). */
export const EXAMPLE_TAPS: BlockTaps = {
  index: 0,
  shape: [EXAMPLE.size, EXAMPLE.size, EXAMPLE.channels],
  u: Float32Array.from(EXAMPLE_TAPS_RECORDED.u),
  z: Float32Array.from(EXAMPLE_TAPS_RECORDED.z),
  h: Float32Array.from(EXAMPLE_TAPS_RECORDED.h),
  e: Float32Array.from(EXAMPLE_TAPS_RECORDED.e),
  sModel: Float32Array.from(EXAMPLE_TAPS_RECORDED.s),
  s: Float32Array.from(EXAMPLE_TAPS_RECORDED.s),
  scaled: Float32Array.from(EXAMPLE_TAPS_RECORDED.scaled),
  out: Float32Array.from(EXAMPLE_TAPS_RECORDED.out),
};

/** Per-channel row-major maps of an NHWC [H, W, C] tensor. */
export function perChannel(data: ArrayLike<number>, shape: [number, number, number]): number[][] {
  const [H, W, C] = shape;
  return Array.from({ length: C }, (_, c) => Array.from({ length: H * W }, (_, p) => data[p * C + c]!));
}

/** matrix · vector */
export function matVec(m: number[][], v: ArrayLike<number>): number[] {
  return m.map((row) => row.reduce((sum, w, j) => sum + w * v[j]!, 0));
}

/** Every intermediate of the worked example, as shown in the panel (maps per channel, row-major). */
export interface WorkedNumbers {
  u: number[][];
  z: number[];
  w1: number[][];
  b1: number[];
  /** W₁z + b₁, before the ReLU (recomputed here from the tapped z; ReLU of it is the tapped h) */
  pre1: number[];
  h: number[];
  w2: number[][];
  b2: number[];
  /** W₂h + b₂ = the logits e */
  e: number[];
  s: number[];
  scaled: number[][];
  x: number[][];
  /** ReLU(U·s + x) */
  out: number[][];
}

export function workedNumbers(taps: BlockTaps = EXAMPLE_TAPS, ex: ExampleBlock = EXAMPLE): WorkedNumbers {
  const z = Array.from(taps.z ?? []);
  const pre1 = matVec(ex.w1, z).map((v, k) => v + ex.b1[k]!);
  return {
    u: perChannel(taps.u, taps.shape),
    z,
    w1: ex.w1,
    b1: ex.b1,
    pre1,
    h: Array.from(taps.h ?? []),
    w2: ex.w2,
    b2: ex.b2,
    e: Array.from(taps.e ?? []),
    s: Array.from(taps.s ?? []),
    scaled: perChannel(taps.scaled, taps.shape),
    x: ex.x,
    out: perChannel(taps.out, taps.shape),
  };
}

/**
 * A number as a student writes it: whole numbers without decimals, others to two places; a
 * real minus sign. (0.7310586 → "0.73", −1 → "−1", 2.9242344 → "2.92")
 */
export function handFigure(v: number): string {
  const r = Math.round(v);
  const s = Math.abs(v - r) < 5e-4 ? String(r) : v.toFixed(2);
  return s === '-0' || s === '-0.00' ? '0' : s.replace('-', '−');
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A tensor's shape as written in the lesson: [4] → "ℝ⁴", [2, 4] → "ℝ²ˣ⁴". */
export function shapeText(dims: readonly number[]): string {
  return 'ℝ' + dims.map((d) => String(d).replace(/\d/g, (c) => SUPERSCRIPT[c]!)).join('ˣ');
}
