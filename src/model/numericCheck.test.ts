import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFolder, refusal } from '../../tests/fixtures/checkFolder';
import { offsetOf, shippedFolder, withWeights, type Folder } from '../../tests/fixtures/modelFolderFixture';
import { SENetwork } from './network';
import { checkImages, judgeOutputs } from './outputCheck';

const check = checkFolder;


/** what the engine's check says of a folder's network: the check images at `size` (cpu backend) */
async function verdictOf(folder: Folder, size: number) {
  const { card, weights } = await check(folder);
  const net = SENetwork.fromWeightData(card, weights);
  try {
    const logits = [];
    for (const image of checkImages(size)) logits.push(await net.logitsBatch(image, 1, size));
    return judgeOutputs(logits);
  } finally {
    net.dispose();
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('weights that are not finite numbers', () => {
  it('refuses NaN and names the tensor that holds it', async () => {
    const folder = await withWeights(await shippedFolder(), (w, specs) => {
      const at = offsetOf(specs, 'blocks/4/conv2/kernel');
      w[at + 7] = NaN;
      w[at + 8] = NaN;
    });
    const e = await refusal(folder);
    expect([e.code, e.file]).toEqual(['non-finite', 'model.json']);
    expect(e.message).toBe('model.json: the tensor blocks/4/conv2/kernel holds 2 NaN values (of 9216); weights must be finite numbers');
  });

  it('refuses an infinite weight', async () => {
    const folder = await withWeights(await shippedFolder(), (w, specs) => (w[offsetOf(specs, 'head/bias') + 3] = -Infinity));
    const e = await refusal(folder);
    expect(e.message).toBe('model.json: the tensor head/bias holds 1 infinite value (of 10); weights must be finite numbers');
  });
});

describe("the network's outputs on the check images", () => {
  it('a working network gives different outputs for the two images, at the input size and at 8×8', async () => {
    const good = await shippedFolder();
    expect(await verdictOf(good, 32)).toBeNull();
    expect(await verdictOf(good, 8)).toBeNull();
  });

  it('all-zero weights give the same outputs for every image: flagged', async () => {
    const zero = await withWeights(await shippedFolder(), (w) => w.fill(0));
    expect(await verdictOf(zero, 8)).toBe('same-output');
    expect(await verdictOf(zero, 32)).toBe('same-output');
  });

  it('weights so large that the pass overflows give non-finite outputs: refused', async () => {
    const huge = await withWeights(await shippedFolder(), (w) => w.forEach((v, i) => (w[i] = v * 1e30)));
    expect(await verdictOf(huge, 8)).toBe('non-finite');
  });

  it('judges plain numbers the same way', () => {
    const f = (...v: number[]) => Float32Array.from(v);
    expect(judgeOutputs([f(1, 2, 3), f(1, 2.5, 3)])).toBeNull();
    expect(judgeOutputs([f(0, 0, 0), f(0, 0, 0)])).toBe('same-output');
    expect(judgeOutputs([f(100, 2, 3), f(100.0001, 2, 3)])).toBe('same-output');
    expect(judgeOutputs([f(1, NaN, 3), f(1, 2, 3)])).toBe('non-finite');
    expect(judgeOutputs([f(1, 2, 3), f(Infinity, 2, 3)])).toBe('non-finite');
  });
});
