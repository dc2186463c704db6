import { ModelCheckError } from './modelErrors';
import type { FileReader } from './weights';

/** One picked or dropped file; `path` is where it sat ("my-model/card.json"), if known. */
export interface PickedFile {
  file: File;
  path: string;
}

type Source = () => Promise<ArrayBuffer>;

/**
 * A FileReader over files known by base name (the user's files, or a stored model's). The
 * export writes one flat folder and names its files plainly, so a path with a folder in it is
 * not one of them.
 */
export function namedFilesReader(files: ReadonlyMap<string, Source>, sizes?: ReadonlyMap<string, number>): FileReader {
  const bytes = async (path: string): Promise<ArrayBuffer> => {
    const get = files.get(path);
    if (!get) throw new ModelCheckError('missing', `${path} is missing from the model folder`, path);
    return get();
  };
  return {
    bytes,
    size: async (path) => sizes?.get(path) ?? null,
    json: async (path) => {
      const raw = await bytes(path);
      try {
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) as unknown;
      } catch {
        throw new ModelCheckError('not-json', `${path} is not valid JSON`, path);
      }
    },
  };
}

/** The folder part of a picked file's path ('' for files picked one by one). */
function folderOf(f: File | PickedFile): string {
  const path = 'file' in f ? f.path : f.webkitRelativePath ?? '';
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/**
 * A FileReader over the files of one exported model folder, picked (an <input> with or without
 * webkitdirectory) or dropped (pass `PickedFile`s with the entries' paths). Files are matched
 * by base name; two files of one name, or files from several folders, are refused because it
 * would be a guess which model they belong to.
 */
export function folderReader(files: ArrayLike<File | PickedFile>): FileReader {
  const list = Array.from(files);
  const folders = [...new Set(list.map(folderOf))];
  if (folders.length > 1) {
    throw new ModelCheckError(
      'folder',
      `the files come from ${folders.length} folders (${folders.map((f) => f || '.').join(', ')}): pick the one folder that training/export.py wrote`,
      'card.json',
    );
  }
  const byName = new Map<string, Source>();
  const sizes = new Map<string, number>();
  for (const entry of list) {
    const file = 'file' in entry ? entry.file : entry;
    if (byName.has(file.name)) {
      throw new ModelCheckError('folder', `two of the files are named ${file.name}: pick the files of one model folder`, file.name);
    }
    byName.set(file.name, () => file.arrayBuffer());
    sizes.set(file.name, file.size);
  }
  return namedFilesReader(byName, sizes);
}
