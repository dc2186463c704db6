import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../types/card';
import { folderReader } from './localFolder';
import { editJson, otherSizeFolder, shippedCard, shippedFolder, toFiles, type Folder } from '../../tests/fixtures/modelFolderFixture';
import { MODEL_LIMITS, modelCost } from './modelLimits';
import { ModelCheckError, validateModelFiles } from './validateModel';

async function refusal(folder: Folder): Promise<ModelCheckError> {
  try {
    await validateModelFiles(folderReader(toFiles(folder, 'm')));
  } catch (e) {
    expect(e).toBeInstanceOf(ModelCheckError);
    return e as ModelCheckError;
  }
  throw new Error('the folder was accepted');
}

/** the card with `n` classes (and a head of n outputs; the manifest is not reached) */
const withClasses = (n: number) => (c: ModelCard) => {
  c.classes = Array.from({ length: n }, (_, i) => ({ key: `c${i}`, en: `class ${i}`, ko: `클래스 ${i}` }));
  c.architecture.head.classes = n;
};

/** the shipped architecture at another input size, consistent with itself */
const withInputSize = (size: number) => (c: ModelCard) => {
  const a = c.architecture;
  a.inputSize = c.preprocessing.inputSize = size;
  for (const b of a.blocks) {
    b.inputSize = b.index === 0 ? size : a.blocks[b.index - 1]!.outputSize;
    b.outputSize = Math.floor((b.inputSize - 1) / b.stride) + 1;
  }
  for (const s of a.stages) s.outputSize = a.blocks.filter((b) => b.stage === s.index).at(-1)!.outputSize;
};

describe('model limits', () => {
  it("computes the shipped model's parameters and multiply-adds as its export did", () => {
    // the export's parameter count includes BatchNorm's, which are folded into the weights here
    expect(modelCost(shippedCard)).toEqual({ params: shippedCard.complexity.weightsBytes / 4, macs: shippedCard.complexity.macsWithSE });
  });

  it('refuses 100,000 or 1,001 classes, naming the count and the limit; 1,000 pass that check', async () => {
    const good = await shippedFolder();
    // 100,000 classes make a card of 7.6 MiB: refused by its size before it is parsed
    const huge = await refusal(editJson<ModelCard>(good, 'card.json', withClasses(100_000)));
    expect([huge.code, huge.file]).toEqual(['limit', 'card.json']);
    expect(huge.message).toMatch(/^card\.json is [\d,]+ bytes \(7\.6 MiB\); this app reads at most 1,048,576 bytes/);
    const e = await refusal(editJson<ModelCard>(good, 'card.json', withClasses(1001)));
    expect([e.code, e.file]).toEqual(['limit', 'card.json']);
    expect(e.message).toContain('the number of classes is 1,001; this app runs models of at most 1,000 classes');
    // 1,000 classes are within the limit: the folder fails later, on its manifest's head
    expect((await refusal(editJson<ModelCard>(good, 'card.json', withClasses(1000)))).code).toBe('manifest-shapes');
  });

  it('refuses an input of 512 pixels, and one of 128 whose multiply-adds are too many', async () => {
    const good = await shippedFolder();
    const big = await refusal(editJson<ModelCard>(good, 'card.json', withInputSize(512)));
    expect(big.code).toBe('limit');
    expect(big.message).toContain('architecture.inputSize is 512 pixels; this app runs models of at most 128×128 pixels of input');
    const costly = await refusal(editJson<ModelCard>(good, 'card.json', withInputSize(128)));
    expect(costly.message).toMatch(/multiply-adds per image is 654,[\d,]+; this app runs models of at most 400,000,000 multiply-adds per image/);
    // 64 pixels: 163.6 M multiply-adds, within the limits (the weights do not depend on the input size)
    const ok = await validateModelFiles(folderReader(toFiles(editJson<ModelCard>(good, 'card.json', withInputSize(64)), 'm')));
    expect(modelCost(ok.card).macs).toBeLessThan(MODEL_LIMITS.macs);
  });

  it('refuses too many parameters before reading the weights', async () => {
    const wide = editJson<ModelCard>(await otherSizeFolder(), 'card.json', (c) => {
      // stage 3 at 512 channels: 17.9 M parameters
      const a = c.architecture;
      a.stages[2]!.channels = 512;
      for (const b of a.blocks) {
        if (b.stage === 2) b.channels = 512;
        if (b.stage === 2 && b.index > 6) b.inChannels = 512;
        if (b.se && b.stage === 2) b.se.hidden = 128;
      }
      a.head.inFeatures = 512;
    });
    const e = await refusal(wide);
    expect(e.code).toBe('limit');
    expect(e.message).toMatch(/parameter count is [\d,]+; this app runs models of at most 5,000,000 parameters/);
  });

  it('refuses a 50 MB card.json and a 2 MB model.json by their size, before parsing them', async () => {
    const good = await shippedFolder();
    const padded = (name: string, bytes: number) => {
      const f = new Map(good);
      const body = new Uint8Array(bytes).fill(0x20); // spaces: valid JSON padding, never parsed
      body.set(good.get(name)!);
      return f.set(name, body);
    };
    const card = await refusal(padded('card.json', 50 * 1024 * 1024));
    expect([card.code, card.file]).toEqual(['limit', 'card.json']);
    expect(card.message).toBe('card.json is 52,428,800 bytes (50.0 MiB); this app reads at most 1,048,576 bytes (1.0 MiB) for card.json, before parsing anything');
    const manifest = await refusal(padded('model.json', 2 * 1024 * 1024));
    expect([manifest.code, manifest.file]).toEqual(['limit', 'model.json']);
  });

  it('refuses a weight file of the wrong size without reading it', async () => {
    const good = await shippedFolder();
    let read = false;
    const huge = new File([new Uint8Array(8)], 'weights.bin');
    Object.defineProperty(huge, 'size', { value: 3 * 2 ** 30 });
    Object.defineProperty(huge, 'arrayBuffer', { value: () => ((read = true), Promise.reject(new Error('read'))) });
    const files = toFiles(good).map((f) => (f.name === 'weights.bin' ? huge : f));
    const e = (await validateModelFiles(folderReader(files)).catch((x: unknown) => x)) as ModelCheckError;
    expect(e.code).toBe('byte-length');
    expect(e.message).toContain('3221225472 bytes');
    expect(read).toBe(false);
  });
});
