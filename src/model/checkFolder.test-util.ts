/** Unit-test helpers: run a fixture folder through the app's model-folder check. */
import { expect } from 'vitest';
import { folderReader } from './localFolder';
import { toFiles, type Folder } from './modelFolderFixture';
import { ModelCheckError, validateModelFiles } from './validateModel';

export const checkFolder = (folder: Folder) => validateModelFiles(folderReader(toFiles(folder, 'some-model')));

/** The error a folder is refused with; fails the test when it is accepted. */
export async function refusal(folder: Folder): Promise<ModelCheckError> {
  try {
    await checkFolder(folder);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelCheckError);
    return e as ModelCheckError;
  }
  throw new Error('the folder was accepted');
}
