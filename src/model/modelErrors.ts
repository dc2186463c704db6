import { ModelFileError } from './modelFileError';

/** Why a model folder was refused: one code per check, so the UI and tests can tell them apart. */
export const MODEL_ERROR_CODES = [
  'missing', // a required file is not there
  'not-json', // a .json file does not parse
  'folder', // the picked files are not one model folder (two files of one name, several folders)
  'card-version', // card.json's formatVersion is not one this app reads
  'card-schema', // a card field is absent, of the wrong type, or the architecture contradicts itself
  'classes', // the class list is malformed or its length differs from the head's
  'input-size', // preprocessing and architecture disagree on the input size, or it is not usable
  'manifest', // the weight manifest's structure (weightsManifest groups, shard paths)
  'manifest-names', // tensor names differ from what the architecture needs
  'manifest-shapes', // a tensor's shape differs from what the architecture implies
  'dtype', // a tensor is not float32 (or is quantized)
  'byte-length', // a weight file is shorter or longer than the manifest describes
  'checksum', // the weights' sha256 differs from the manifest's
  'non-finite', // a weight is NaN or infinite, or the network's outputs on the check images are
  'limit', // the model or one of its files is larger than this app runs (modelLimits.ts)
] as const;

export type ModelErrorCode = (typeof MODEL_ERROR_CODES)[number];

/** A ModelFileError with the check that failed; `file` is the base name of the file at fault. */
export class ModelCheckError extends ModelFileError {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    file: string,
  ) {
    super(message, file);
    this.name = 'ModelCheckError';
  }
}
