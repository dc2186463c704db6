// Node-only: a FileReader over a folder on disk (tests, eval and bench scripts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileReader } from '../src/model/weights';

export function folderReader(dir: string): FileReader {
  return {
    json: async (p) => JSON.parse(await readFile(join(dir, p), 'utf8')),
    bytes: async (p) => {
      const b = await readFile(join(dir, p));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  };
}
