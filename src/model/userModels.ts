/**
 * Models the user loaded from their own disk ("yours"), kept in IndexedDB for later visits and
 * offline use. Only on this device: nothing is ever uploaded. A stored model is read back
 * through a FileReader, so it passes the same validation and loading path as a picked folder.
 */
import type { ModelCard } from '../types/card';
import { namedFilesReader } from './localFolder';
import { optionalFiles, statsProblem } from './modelExtras';
import { ModelCheckError } from './modelErrors';
import { MODEL_LIMITS } from './modelLimits';
import type { CheckedModel } from './validateModel';
import type { FileReader } from './weights';
import { done, req } from '../storage/idb';
import { seBlocks } from '../compute/cardFacts';

export interface UserModelMeta {
  /** `user:<card id>:<content hash>`: never a shipped model's id; the same files give the same id */
  id: string;
  cardId: string;
  name: string;
  addedAt: number;
  classes: number;
  inputSize: number;
  seBlocks: number;
  /** all stored files together */
  bytes: number;
}

export interface UserModelStore {
  list(): Promise<UserModelMeta[]>;
  /** Stores (or replaces, for the same files) a checked model's files, name -> bytes. */
  save(card: ModelCard, files: Record<string, ArrayBuffer>): Promise<UserModelMeta>;
  reader(id: string): Promise<FileReader>;
  remove(id: string): Promise<void>;
}

export const USER_MODEL_PREFIX = 'user:';
export const isUserModelId = (id: string): boolean => id.startsWith(USER_MODEL_PREFIX);

const DB = 'se-explainer-models';
const META = 'meta';
const FILES = 'files';

/** FNV-1a over the files in name order: equal folders get one id. */
export function filesHash(files: Record<string, ArrayBuffer>): string {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  };
  for (const name of Object.keys(files).sort()) {
    mix(new TextEncoder().encode(name + '\0'));
    mix(new Uint8Array(files[name]!));
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The files of a checked model worth keeping: those validation read, and the optional ones the
 * export wrote that are present (statistics only when they describe this network).
 */
export async function filesToKeep(reader: FileReader, checked: CheckedModel): Promise<Record<string, ArrayBuffer>> {
  const out: Record<string, ArrayBuffer> = {};
  for (const name of checked.files) out[name] = await reader.bytes(name);
  for (const name of optionalFiles(checked.card)) {
    if (name in out) continue;
    const size = (await reader.size?.(name)) ?? null;
    if (size !== null && size > MODEL_LIMITS.extraBytes) continue; // left out, as a file that is not there
    try {
      const bytes = await reader.bytes(name);
      if (name === checked.card.files.excitationStats && statsProblem(JSON.parse(new TextDecoder().decode(bytes)), checked.card)) continue;
      out[name] = bytes;
    } catch (e) {
      if (!(e instanceof ModelCheckError || e instanceof SyntaxError)) throw e;
    }
  }
  return out;
}

function storageError(e: unknown, bytes: number): Error {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new Error(`This device has no room to keep the model (${(bytes / 1e6).toFixed(1)} MB); it works for this visit only.`, { cause: e });
  }
  return new Error(`The model could not be kept on this device: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

export async function openUserModels(): Promise<UserModelStore> {
  if (typeof indexedDB === 'undefined' || !indexedDB) {
    throw new Error('IndexedDB is not available in this browser: a model you load works for this visit only.');
  }
  let db: IDBDatabase;
  try {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => {
      const d = open.result;
      if (!d.objectStoreNames.contains(META)) d.createObjectStore(META, { keyPath: 'id' });
      if (!d.objectStoreNames.contains(FILES)) d.createObjectStore(FILES, { keyPath: 'id' });
    };
    db = await req(open);
  } catch (e) {
    throw new Error(`IndexedDB could not be opened (${(e as Error)?.message ?? e}): a model you load works for this visit only.`, { cause: e });
  }

  return {
    async list() {
      const all = (await req(db.transaction(META, 'readonly').objectStore(META).getAll())) as UserModelMeta[];
      return all.sort((a, b) => b.addedAt - a.addedAt || a.id.localeCompare(b.id));
    },
    async save(card, files) {
      const bytes = Object.values(files).reduce((n, b) => n + b.byteLength, 0);
      const meta: UserModelMeta = {
        id: `${USER_MODEL_PREFIX}${card.id}:${filesHash(files)}`,
        cardId: card.id,
        name: card.name,
        addedAt: Date.now(),
        classes: card.classes.length,
        inputSize: card.architecture.inputSize,
        seBlocks: seBlocks(card).length,
        bytes,
      };
      try {
        const tx = db.transaction([META, FILES], 'readwrite');
        tx.objectStore(META).put(meta);
        tx.objectStore(FILES).put({ id: meta.id, files });
        await done(tx);
      } catch (e) {
        throw storageError(e, bytes);
      }
      return meta;
    },
    async reader(id) {
      const row = (await req(db.transaction(FILES, 'readonly').objectStore(FILES).get(id))) as
        | { files: Record<string, ArrayBuffer> }
        | undefined;
      if (!row) throw new Error(`The model ${id} is no longer stored on this device.`);
      // copies: a caller may transfer or detach what it is given
      const entries = Object.entries(row.files);
      return namedFilesReader(
        new Map(entries.map(([name, b]) => [name, async () => b.slice(0)])),
        new Map(entries.map(([name, b]) => [name, b.byteLength])),
      );
    },
    async remove(id) {
      const tx = db.transaction([META, FILES], 'readwrite');
      tx.objectStore(META).delete(id);
      tx.objectStore(FILES).delete(id);
      await done(tx);
    },
  };
}
