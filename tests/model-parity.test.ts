// The TypeScript forward pass must reproduce the PyTorch reference (golden vectors written at
// export time) on tfjs's CPU backend: logits and every SE tap of every block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as tf from '@tensorflow/tfjs-core';
import type { SENetwork } from '../src/model/network';
import type { BlockTaps, ForwardResult } from '../src/types/forward';
import { loadShipped } from './model-fixture';

let net: SENetwork;
let golden: tf.NamedTensorMap;
let inputs: string[];

beforeAll(async () => {
  ({ net, golden, inputs } = await loadShipped());
});
afterAll(() => {
  net.dispose();
  Object.values(golden).forEach((t) => t.dispose());
});

/** max |a - b| relative to max(1, max |reference|), as the issue defines the tolerance */
function relativeError(actual: ArrayLike<number>, reference: ArrayLike<number>): number {
  expect(actual.length).toBe(reference.length);
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < reference.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(actual[i]! - reference[i]!));
    maxRef = Math.max(maxRef, Math.abs(reference[i]!));
  }
  return maxDiff / Math.max(1, maxRef);
}

const TAPS = ['u', 'z', 'h', 's', 'scaled', 'out'] as const;

describe('parity with the PyTorch reference', () => {
  it('has golden inputs', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['read tap by tap (CPU-side backends)', false],
    ['read joined per block (as on WebGL)', true],
  ])('reproduces logits and every tap of every block for each golden input: %s', async (_, grouped) => {
    net.groupedReadBack = grouped;
    for (const name of inputs) {
      const pixels = golden[`${name}/input`]!.dataSync();
      const result: ForwardResult = await net.run(pixels);
      expect(relativeError(result.logits, golden[`${name}/logits`]!.dataSync())).toBeLessThanOrEqual(1e-4);
      for (let k = 0; k < net.numBlocks; k++) {
        const taps = result.blocks[k] as BlockTaps;
        const hasSE = net.card.architecture.blocks[k]!.se !== null;
        for (const key of TAPS) {
          const ref = golden[`${name}/blocks/${k}/${key}`];
          if (!hasSE && ['z', 'h', 's'].includes(key)) {
            expect(ref).toBeUndefined();
            continue;
          }
          expect(ref, `${name} block ${k} ${key}`).toBeDefined();
          const err = relativeError(taps[key] as Float32Array, ref!.dataSync());
          expect(err, `${name} block ${k} ${key}`).toBeLessThanOrEqual(1e-4);
        }
      }
    }
    net.groupedReadBack = 'auto';
  });

  it('really differs when the input differs (the comparison can fail)', async () => {
    const [a, b] = inputs;
    const ra = await net.run(golden[`${a}/input`]!.dataSync());
    const err = relativeError(ra.logits, golden[`${b}/logits`]!.dataSync());
    expect(err).toBeGreaterThan(1e-4);
  });
});
