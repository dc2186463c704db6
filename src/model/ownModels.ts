/**
 * "Your models": models the user loads from their disk. A picked or dropped folder is validated
 * (validateModel), kept on this device (userModels, IndexedDB) and from then on loaded by id
 * like a shipped model. Where IndexedDB is unavailable the model is kept in memory for this
 * visit, and the caller is told so. Nothing is ever uploaded.
 */
import type { ModelSummary } from '../types/models';
import { summarise } from '../compute/cardFacts';
import { folderReader, namedFilesReader, type PickedFile } from './localFolder';
import { validateModelFiles } from './validateModel';
import { filesToKeep, isUserModelId, openUserModels, USER_MODEL_PREFIX, type UserModelMeta, type UserModelStore } from './userModels';
import type { FileReader } from './weights';

/**
 * One IndexedDB connection for the page: each openUserModels() opens one of its own, and every
 * list, load and removal asked for one, so each model switch kept another open connection.
 */
let connection: Promise<UserModelStore> | null = null;
function userModels(): Promise<UserModelStore> {
  if (!connection) {
    const opening = openUserModels();
    connection = opening;
    opening.catch(() => {
      if (connection === opening) connection = null; // try again next time
    });
  }
  return connection;
}

/** models of this visit only (no IndexedDB, or the device is full) */
const inMemory = new Map<string, { reader: FileReader; summary: ModelSummary }>();

const asSummary = (m: UserModelMeta): ModelSummary => ({
  id: m.id,
  name: m.name,
  testTop1: null,
  parameters: null,
  seBlocks: m.seBlocks,
  classes: m.classes,
  inputSize: m.inputSize,
  origin: 'yours',
});

export interface AddedModel {
  summary: ModelSummary;
  /** null when kept on the device; otherwise why it lasts for this visit only */
  notKept: string | null;
}

/** Validates the files of one exported model and keeps them; throws a ModelCheckError naming the file at fault. */
export async function addOwnModel(files: ArrayLike<File | PickedFile>): Promise<AddedModel> {
  const reader = folderReader(files);
  const checked = await validateModelFiles(reader);
  const keep = await filesToKeep(reader, checked);
  const full = summarise(checked.card, 'yours');
  try {
    const meta = await (await userModels()).save(checked.card, keep);
    return { summary: { ...full, id: meta.id }, notKept: null };
  } catch (e) {
    const id = `${USER_MODEL_PREFIX}${checked.card.id}:visit${inMemory.size + 1}`;
    const stored = new Map(Object.entries(keep).map(([name, bytes]) => [name, async () => bytes] as const));
    const summary = { ...full, id };
    const sizes = new Map(Object.entries(keep).map(([name, bytes]) => [name, bytes.byteLength] as const));
    inMemory.set(id, { reader: namedFilesReader(stored, sizes), summary });
    return { summary, notKept: (e as Error)?.message ?? String(e) };
  }
}

/** Every model of the user's, newest first (those of this visit included). */
export async function listOwnModels(): Promise<ModelSummary[]> {
  const visit = [...inMemory.values()].map((m) => m.summary);
  try {
    return [...visit, ...(await (await userModels()).list()).map(asSummary)];
  } catch {
    return visit;
  }
}

/** A reader over one of the user's models, for the same validation and loading as a folder. */
export async function ownModelReader(id: string): Promise<FileReader> {
  const mem = inMemory.get(id);
  if (mem) return mem.reader;
  return (await userModels()).reader(id);
}

export async function removeOwnModel(id: string): Promise<void> {
  if (inMemory.delete(id)) return;
  await (await userModels()).remove(id);
}

export { isUserModelId };
