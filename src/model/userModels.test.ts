import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeIndexedDB } from '../../tests/fixtures/fakeIndexedDB';
import { folderReader } from './localFolder';
import { readExcitationStats } from './modelExtras';
import { editJson, otherSizeFolder, shippedFolder, toFiles, type Folder } from '../../tests/fixtures/modelFolderFixture';
import { filesToKeep, isUserModelId, openUserModels } from './userModels';
import { validateModelFiles } from './validateModel';
import type { ModelCard } from '../types/card';

/** Validates a folder and returns what the app would store. */
async function picked(folder: Folder) {
  const reader = folderReader(toFiles(folder));
  const checked = await validateModelFiles(reader);
  return { checked, files: await filesToKeep(reader, checked) };
}

/** toEqual on a megabyte of bytes compares them one by one through the matcher: seconds. */
function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const names = (files: Record<string, ArrayBuffer>) => Object.keys(files).sort();

describe('user models in IndexedDB', () => {
  beforeEach(() => vi.stubGlobal('indexedDB', fakeIndexedDB()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a checked model, lists it, and reads it back through the same validation', async () => {
    const { checked, files } = await picked(await shippedFolder());
    expect(names(files)).toEqual(['card.json', 'excitation-stats.json', 'model.json', 'weights.bin']);
    const store = await openUserModels();
    const meta = await store.save(checked.card, files);
    expect(meta).toMatchObject({ cardId: 'se-resnet20-cifar10', name: 'SE-ResNet-20', classes: 10, inputSize: 32, seBlocks: 9 });
    expect(meta.id).toMatch(/^user:se-resnet20-cifar10:[0-9a-f]{8}$/);
    expect(isUserModelId(meta.id) && !isUserModelId(checked.card.id)).toBe(true);
    expect(meta.bytes).toBe(Object.values(files).reduce((n, b) => n + b.byteLength, 0));

    // a later visit: a new connection to the same database
    const again = await openUserModels();
    expect(await again.list()).toEqual([meta]);
    const stored = await again.reader(meta.id);
    const back = await validateModelFiles(stored);
    expect(back.card).toEqual(checked.card);
    expect(back.weights.specs).toEqual(checked.weights.specs);
    expect(sameBytes(back.weights.data, checked.weights.data)).toBe(true);
    expect((await readExcitationStats(stored, back.card)).stats?.classes).toHaveLength(10);
  });

  it('replaces the same model saved twice, keeps another, and removes one', async () => {
    const store = await openUserModels();
    const shipped = await picked(await shippedFolder());
    const first = await store.save(shipped.checked.card, shipped.files);
    const second = await store.save(shipped.checked.card, shipped.files);
    expect(second.id).toBe(first.id);
    expect((await store.list()).map((m) => m.id)).toEqual([first.id]);

    const other = await picked(await otherSizeFolder());
    const small = await store.save(other.checked.card, other.files);
    expect(small).toMatchObject({ classes: 4, inputSize: 24 });
    expect(new Set((await store.list()).map((m) => m.id))).toEqual(new Set([first.id, small.id]));

    await store.remove(first.id);
    expect((await store.list()).map((m) => m.id)).toEqual([small.id]);
    await expect(store.reader(first.id)).rejects.toThrow(`The model ${first.id} is no longer stored on this device.`);
  });

  it('keeps statistics only when they describe the network', async () => {
    const good = await shippedFolder();
    const otherClasses = editJson<ModelCard>(good, 'card.json', (c) => (c.classes[0]!.key = 'aeroplane'));
    expect(names((await picked(otherClasses)).files)).toEqual(['card.json', 'model.json', 'weights.bin']);
    const stored = folderReader(toFiles(otherClasses));
    const { stats, problem } = await readExcitationStats(stored, (await validateModelFiles(stored)).card);
    expect([stats, problem]).toEqual([null, 'excitation-stats.json: its classes differ from card.json']);
  });

  it('says so when IndexedDB is missing or the device is full, and stores nothing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(openUserModels()).rejects.toThrow('IndexedDB is not available in this browser: a model you load works for this visit only.');

    vi.stubGlobal('indexedDB', fakeIndexedDB({ quotaBytes: 500_000 }));
    const store = await openUserModels();
    const { checked, files } = await picked(await shippedFolder());
    // the message gives the size of what was to be kept (the shipped model's files, over 1 MB)
    const mb = Object.values(files).reduce((n, b) => n + b.byteLength, 0) / 1e6;
    expect(mb).toBeGreaterThan(1);
    await expect(store.save(checked.card, files)).rejects.toThrow(`This device has no room to keep the model (${mb.toFixed(1)} MB); it works for this visit only.`);
    expect(await store.list()).toEqual([]);
  });
});
