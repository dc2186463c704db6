import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../types/card';
import { checkFolder, refusal } from '../../tests/fixtures/checkFolder';
import { brokenFolders, editJson, otherSizeFolder, shippedCard, shippedFolder, shippedManifest, type Folder } from '../../tests/fixtures/modelFolderFixture';
import { SENetwork } from './network';
import { MODEL_ERROR_CODES, expectedTensors } from './validateModel';

type Manifest = typeof shippedManifest;
const check = checkFolder;


describe('expectedTensors', () => {
  it("equals the shipped model's manifest exactly: names, shapes and order", () => {
    const manifest = shippedManifest.weightsManifest.flatMap((g) => g.weights.map(({ name, shape }) => ({ name, shape })));
    expect(expectedTensors(shippedCard)).toEqual(manifest);
    expect(manifest).toHaveLength(2 + 9 * 8 + 2 * 2 + 2);
  });
});

describe('validateModelFiles', () => {
  it('accepts the shipped model and returns its card, checked weights and files', async () => {
    const good = await shippedFolder();
    const { card, weights, files } = await check(good);
    expect(card).toEqual(shippedCard);
    expect(weights.data.byteLength).toBe(shippedCard.complexity.weightsBytes);
    expect(weights.specs.map((s) => s.name)).toEqual(expectedTensors(card).map((t) => t.name));
    expect(files).toEqual(['card.json', 'model.json', 'weights.bin']);
  });

  it('accepts other classes and another input size, and the network runs at that size', async () => {
    const { card, weights } = await check(await otherSizeFolder());
    expect([card.architecture.inputSize, card.classes.length]).toEqual([24, 4]);
    await tf.setBackend('cpu');
    const net = SENetwork.fromWeightData(card, weights);
    try {
      const out = await net.run(new Float32Array(24 * 24 * 3).fill(128), { taps: [8] });
      expect(out.probs).toHaveLength(4);
      expect(out.blocks[8]!.shape).toEqual([6, 6, 64]);
    } finally {
      net.dispose();
    }
  });

  it('refuses each of the six broken folders with its own code and a message naming the file', async () => {
    const cases = brokenFolders(await shippedFolder());
    expect(cases).toHaveLength(6);
    const seen = [];
    for (const c of cases) {
      const e = await refusal(c.folder);
      seen.push([c.name, e.code, e.file]);
      expect(e.message).toContain(c.file);
    }
    expect(seen).toEqual(cases.map((c) => [c.name, c.code, c.file]));
  });

  it('says what is wrong in plain words', async () => {
    const [missing, notJson, version, shapes, truncated, classes] = await Promise.all(
      brokenFolders(await shippedFolder()).map((c) => refusal(c.folder).then((e) => e.message)),
    );
    expect(missing).toBe('model.json is missing from the model folder');
    expect(notJson).toBe('card.json is not valid JSON');
    expect(version).toBe('card.json: formatVersion is 99; this app reads model cards of formatVersion 1');
    expect(shapes).toBe("model.json: head/kernel has shape [10, 64], but card.json's architecture implies [64, 10]");
    expect(truncated).toBe('weights.bin is cut short: 560348 bytes, but model.json describes 1120696');
    expect(classes).toBe("card.json: lists 9 classes but the network's head has 10 outputs");
  });

  it('checks the rest of the card: family, fields, input size, architecture, files', async () => {
    const good = await shippedFolder();
    const cases: [string, (c: ModelCard) => void, string, string][] = [
      ['family', (c) => ((c.architecture as { family: string }).family = 'vit'), 'card-version', 'architecture.family is "vit"'],
      ['no metrics', (c) => delete (c as Partial<ModelCard>).metrics, 'card-schema', 'metrics is absent; expected an object'],
      ['input sizes differ', (c) => (c.preprocessing.inputSize = 28), 'input-size', 'preprocessing.inputSize is 28 but architecture.inputSize is 32'],
      ['fractional size', (c) => (c.architecture.inputSize = c.preprocessing.inputSize = 31.5), 'input-size', 'architecture.inputSize is 31.5'],
      ['mean of 2', (c) => (c.preprocessing.mean = [0.5, 0.5]), 'card-schema', 'preprocessing.mean is [0.5,0.5]'],
      ['block count', (c) => (c.architecture.stages[1]!.blocks = 2), 'card-schema', 'architecture.blocks[5]'],
      ['stride', (c) => (c.architecture.blocks[3]!.stride = 1), 'card-schema', 'stage 1 implies {index: 3, stage: 1, inChannels: 16, channels: 32, stride: 2'],
      ['identity that changes shape', (c) => (c.architecture.blocks[6]!.shortcut = 'identity'), 'card-schema', 'blocks[6].shortcut is "identity"; expected "projection"'],
      ['head width', (c) => (c.architecture.head.inFeatures = 32), 'card-schema', 'head.inFeatures is 32; the last block has 64 channels'],
      ['weights path', (c) => (c.files.weights = '../model.json'), 'card-schema', 'files.weights is "../model.json"'],
      ['class without ko', (c) => ((c.classes[3] as { ko?: string }).ko = undefined), 'classes', 'classes[3]'],
      ['duplicate class', (c) => (c.classes[1] = c.classes[0]!), 'classes', 'two classes share a key'],
    ];
    for (const [what, change, code, text] of cases) {
      const e = await refusal(editJson<ModelCard>(good, 'card.json', change));
      expect([what, e.code, e.file], e.message).toEqual([what, code, 'card.json']);
      expect(e.message).toContain(text);
    }
  });

  it('checks the manifest: names, dtypes, byte counts, checksum', async () => {
    const good = await shippedFolder();
    const specs = (m: Manifest) => m.weightsManifest[0]!.weights;
    const cases: [string, Folder, string, string, string][] = [
      ['no groups', editJson<Manifest>(good, 'model.json', (m) => (m.weightsManifest = [])), 'manifest', 'model.json', 'no weightsManifest'],
      ['renamed', editJson<Manifest>(good, 'model.json', (m) => (specs(m)[0]!.name = 'stem/weights')), 'manifest-names', 'model.json', 'lacks stem/kernel, which card.json'],
      ['listed twice', editJson<Manifest>(good, 'model.json', (m) => (specs(m)[3]!.name = specs(m)[2]!.name)), 'manifest-names', 'model.json', 'blocks/0/conv1/kernel twice'],
      ['no SE in block 0', editJson<ModelCard>(good, 'card.json', (c) => {
        // the card stays self-consistent (seBlocks counts 8), so only model.json disagrees with it
        c.architecture.blocks[0]!.se = null;
        if (c.architecture.seBlocks !== undefined) c.architecture.seBlocks -= 1;
      }), 'manifest-names', 'model.json', 'has blocks/0/se/fc1/kernel, blocks/0/se/fc1/bias, blocks/0/se/fc2/kernel and 1 more'],
      ['int32', editJson<Manifest>(good, 'model.json', (m) => (specs(m)[1]!.dtype = 'int32')), 'dtype', 'model.json', 'stem/bias is of dtype int32'],
      ['too long', new Map(good).set('weights.bin', new Uint8Array(1120700)), 'byte-length', 'weights.bin', 'is too long: 1120700 bytes'],
      ['byteLength', editJson<Manifest>(good, 'model.json', (m) => (m.byteLength = 5)), 'byte-length', 'model.json', 'says the weights are 5 bytes'],
      ['flipped byte', new Map(good).set('weights.bin', good.get('weights.bin')!.map((b, i) => (i === 99 ? b ^ 1 : b))), 'checksum', 'weights.bin', 'does not match the sha256'],
      ['missing shard', new Map([...good].filter(([n]) => n !== 'weights.bin')), 'missing', 'weights.bin', 'weights.bin is missing'],
    ];
    for (const [what, folder, code, file, text] of cases) {
      const e = await refusal(folder);
      expect([what, e.code, e.file], e.message).toEqual([what, code, file]);
      expect(e.message).toContain(text);
    }
  });

  it('lists every code it can report', () => {
    expect(MODEL_ERROR_CODES).toEqual(expect.arrayContaining(['missing', 'not-json', 'card-version', 'card-schema', 'classes', 'input-size', 'manifest-names', 'manifest-shapes', 'dtype', 'byte-length']));
    expect(new Set(MODEL_ERROR_CODES).size).toBe(MODEL_ERROR_CODES.length);
  });
});
