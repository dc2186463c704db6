import { describe, expect, it } from 'vitest';
import { folderReader, namedFilesReader } from './localFolder';
import { ModelCheckError } from './modelErrors';

const file = (name: string, body: string, path = '') => {
  const f = new File([body], name);
  if (path) Object.defineProperty(f, 'webkitRelativePath', { value: path });
  return f;
};

async function failure(p: Promise<unknown> | (() => unknown)): Promise<ModelCheckError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelCheckError);
    return e as ModelCheckError;
  }
  throw new Error('expected a ModelCheckError');
}

describe('folderReader', () => {
  it('reads picked files by base name, as JSON or bytes', async () => {
    const r = folderReader([file('card.json', '{"id": "m"}', 'my-model/card.json'), file('weights.bin', 'abc', 'my-model/weights.bin')]);
    expect(await r.json('card.json')).toEqual({ id: 'm' });
    expect(new Uint8Array(await r.bytes('weights.bin'))).toEqual(new Uint8Array([97, 98, 99]));
  });

  it('takes dropped entries with their paths', async () => {
    const r = folderReader([{ file: file('card.json', '1'), path: '/drop/m/card.json' }]);
    expect(await r.json('card.json')).toBe(1);
  });

  it('names a missing file', async () => {
    const e = await failure(folderReader([file('card.json', '{}')]).bytes('model.json'));
    expect([e.code, e.file, e.message]).toEqual(['missing', 'model.json', 'model.json is missing from the model folder']);
  });

  it('says which file is not JSON (including text that is not UTF-8)', async () => {
    const r = folderReader([file('card.json', '{"id": '), new File([new Uint8Array([0x7b, 0xff, 0x7d])], 'model.json')]);
    for (const name of ['card.json', 'model.json']) {
      const e = await failure(r.json(name));
      expect([e.code, e.file, e.message]).toEqual(['not-json', name, `${name} is not valid JSON`]);
    }
  });

  it('refuses two files of one name and files from several folders', async () => {
    const twice = await failure(() => folderReader([file('card.json', '{}'), file('card.json', '{}')]));
    expect([twice.code, twice.file]).toEqual(['folder', 'card.json']);
    expect(twice.message).toContain('two of the files are named card.json');
    const two = await failure(() => folderReader([file('card.json', '{}', 'a/card.json'), file('model.json', '{}', 'a/b/model.json')]));
    expect(two.code).toBe('folder');
    expect(two.message).toContain('2 folders (a, a/b)');
  });
});

describe('namedFilesReader', () => {
  it('reads each source when asked', async () => {
    let reads = 0;
    const r = namedFilesReader(new Map([['x.json', async () => (reads++, new TextEncoder().encode('[1]').buffer as ArrayBuffer)]]));
    expect(reads).toBe(0);
    expect(await r.json('x.json')).toEqual([1]);
    expect(reads).toBe(1);
  });
});
