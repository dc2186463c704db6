/**
 * The worked example's numbers come from the app's own forward pass: the tiny model folder is
 * loaded with SENetwork.load and run, and every tap is checked against values worked out by hand
 * (below) and against the copy the lesson shows (compute/lesson/workedExampleTaps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { EXAMPLE, EXAMPLE_BLOCK, EXAMPLE_TAPS, perChannel, workedNumbers } from '../compute/lesson/workedExample';
import type { BlockTaps } from '../types/forward';
import { SENetwork } from './network';
import { memoryReader, workedExampleFolder } from './workedExampleFolder';

/** Worked out on paper (maps per channel, row-major; σ to 4 places). */
const HAND = {
  u: [
    [2, 4, 0, 2],
    [1, -1, 3, 1],
    [-2, 0, -1, -1],
    [0, 1, -1, 0],
  ],
  // z_c = mean of the 4 values of channel c: 8/4, 4/4, −4/4, 0/4
  z: [2, 1, -1, 0],
  // W₁z = [2 + (−1), −1 + 0] = [1, −1]; ReLU clips the second unit
  pre1: [1, -1],
  h: [1, 0],
  // W₂h = the first column of W₂ (h₂ = 0)
  e: [1, -1, 0, 2],
  // σ(1), σ(−1), σ(0), σ(2)
  s: [0.7311, 0.2689, 0.5, 0.8808],
  scaled: [
    [1.4621, 2.9242, 0, 1.4621],
    [0.2689, -0.2689, 0.8068, 0.2689],
    [-1, 0, -0.5, -0.5],
    [0, 0.8808, -0.8808, 0],
  ],
  // ReLU(U·s + 1): only channel 2 at (0,0) lands on 0
  out: [
    [2.4621, 3.9242, 1, 2.4621],
    [1.2689, 0.7311, 1.8068, 1.2689],
    [0, 1, 0.5, 0.5],
    [1, 1.8808, 0.1192, 1],
  ],
};

const close = (actual: ArrayLike<number>, expected: readonly number[], tol: number) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(Math.abs(actual[i]! - v), `index ${i}: ${actual[i]} vs ${v}`).toBeLessThanOrEqual(tol));
};

let net: SENetwork;
let taps: BlockTaps;

beforeAll(async () => {
  await tf.setBackend('cpu');
  net = await SENetwork.load(memoryReader(workedExampleFolder()));
  // any input gives the same U and x (see workedExampleFolder): a mid-grey 2×2 image
  const result = await net.run(new Float32Array(2 * 2 * 3).fill(128));
  taps = result.blocks[0]!;
});
afterAll(() => net.dispose());

describe('worked example through the app’s forward pass', () => {
  it('is one SE block with C = 4, r = 2 on 2×2 maps', () => {
    expect(taps.shape).toEqual([2, 2, 4]);
    expect(net.card.architecture.blocks).toEqual([EXAMPLE_BLOCK]);
  });
  it('U and the shortcut are the chosen numbers', () => {
    expect(perChannel(taps.u, taps.shape)).toEqual(HAND.u);
    expect(EXAMPLE.u).toEqual(HAND.u);
    expect(EXAMPLE.x.flat().every((v) => v === 1)).toBe(true);
  });
  it('squeeze, FC1 + ReLU, FC2 and the sigmoid match the hand values', () => {
    close(taps.z!, HAND.z, 1e-6);
    close(taps.h!, HAND.h, 1e-6);
    close(taps.e!, HAND.e, 1e-6);
    close(taps.s!, HAND.s, 1e-4);
    close(taps.sModel!, HAND.s, 1e-4);
  });
  it('U·s and ReLU(U·s + shortcut) match the hand values', () => {
    perChannel(taps.scaled, taps.shape).forEach((m, c) => close(m, HAND.scaled[c]!, 1e-4));
    perChannel(taps.out, taps.shape).forEach((m, c) => close(m, HAND.out[c]!, 1e-4));
  });
  it('the numbers the lesson shows are this pass’s numbers', () => {
    for (const k of ['u', 'z', 'h', 'e', 's', 'sModel', 'scaled', 'out'] as const) close(EXAMPLE_TAPS[k]!, Array.from(taps[k]!), 1e-6);
  });
  it('the panel’s W₁z + b₁ (recomputed from z) is the hand value, and its ReLU is the tapped h', () => {
    const n = workedNumbers();
    close(n.pre1, HAND.pre1, 1e-6);
    close(n.pre1.map((v) => Math.max(0, v)), Array.from(taps.h!), 1e-6);
    n.out.forEach((m, c) => close(m, HAND.out[c]!, 1e-4));
  });
});
