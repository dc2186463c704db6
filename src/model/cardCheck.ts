import type { Architecture, ModelCard } from '../types/card';
import { ModelCheckError, type ModelErrorCode } from './modelErrors';
import { checkCardCost, checkCardSize, MODEL_LIMITS } from './modelLimits';

const CARD = 'card.json';
export const SUPPORTED_FORMAT_VERSION = 1;
/** An input of n² pixels is decoded, kept in the gallery and drawn per channel: bound n (modelLimits.ts). */
export const MAX_INPUT_SIZE = MODEL_LIMITS.inputSize;

function fail(code: ModelErrorCode, message: string): never {
  throw new ModelCheckError(code, `card.json: ${message}`, CARD);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));

/** A file name the export writes: plain, in the model's own folder. */
export const isPlainFileName = (v: unknown): v is string =>
  typeof v === 'string' && /^[^/\\]+$/.test(v) && v !== '.' && v !== '..';

function at(card: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), card);
}

/** Fields the app reads, with their JSON type (beyond the ones checked in detail below). */
const FIELDS: [string, 'string' | 'number' | 'boolean' | 'object'][] = [
  ['name', 'string'],
  ['description', 'string'],
  ['interim', 'boolean'],
  ['architecture', 'object'],
  ['architecture.depth', 'number'],
  ['architecture.stem', 'object'],
  ['architecture.head', 'object'],
  ['preprocessing', 'object'],
  ['preprocessing.pixelScale', 'number'],
  ['metrics', 'object'],
  ['metrics.testTop1', 'number'],
  ['metrics.testTop1PerClass', 'object'],
  ['metrics.testImages', 'number'],
  ['complexity', 'object'],
  ['complexity.params', 'number'],
  ['complexity.paramsWithSE', 'number'],
  ['complexity.paramsWithoutSE', 'number'],
  ['complexity.macs', 'object'],
  ['complexity.macs.conv', 'number'],
  ['complexity.macs.se', 'number'],
  ['complexity.macsWithSE', 'number'],
  ['complexity.macsWithoutSE', 'number'],
  ['complexity.weightsBytes', 'number'],
  ['training', 'object'],
  ['training.recipe', 'object'],
  ['training.epochs', 'number'],
  ['training.plannedEpochs', 'number'],
  ['training.trainingSeconds', 'number'],
  ['training.run', 'string'],
  ['dataset', 'object'],
  ['files', 'object'],
];

/**
 * Checks a parsed card.json: its version, the fields the app reads, the architecture against
 * itself (every block's channels, stride and map size follow from the stages, as the export
 * computes them), the input size and the classes. Returns it typed; throws ModelCheckError.
 */
export function checkCard(raw: unknown): ModelCard {
  if (!isObject(raw)) fail('card-schema', 'is not a JSON object');
  if (raw.formatVersion !== SUPPORTED_FORMAT_VERSION) {
    fail('card-version', `formatVersion is ${show(raw.formatVersion)}; this app reads model cards of formatVersion ${SUPPORTED_FORMAT_VERSION}`);
  }
  if (at(raw, 'architecture.family') !== 'cifar-resnet') {
    fail('card-version', `architecture.family is ${show(at(raw, 'architecture.family'))}; this app runs cifar-resnet networks`);
  }
  if (typeof raw.id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(raw.id)) {
    fail('card-schema', `id is ${show(raw.id)}; it must be 1-64 letters, digits, '.', '_' or '-'`);
  }
  for (const [path, type] of FIELDS) {
    const v = at(raw, path);
    const ok = type === 'object' ? isObject(v) : typeof v === type && (type !== 'number' || Number.isFinite(v));
    if (!ok) fail('card-schema', `${path} is ${show(v)}; expected ${type === 'object' ? 'an object' : `a ${type}`}`);
  }
  const baseline = at(raw, 'metrics.baseline');
  if (baseline !== undefined && baseline !== null && !isObject(baseline)) fail('card-schema', `metrics.baseline is ${show(baseline)}; expected an object or null`);
  checkFiles(raw.files as Json);
  const card = raw as unknown as ModelCard;
  // the limits first: nothing is done per class or per pixel of a model this app cannot run
  checkCardSize(card);
  checkPreprocessing(card);
  checkArchitecture(card.architecture);
  checkCardCost(card);
  checkClasses(card);
  return card;
}

function checkFiles(files: Json) {
  if (!isPlainFileName(files.weights)) fail('card-schema', `files.weights is ${show(files.weights)}; expected a file name such as "model.json"`);
  for (const key of ['excitationStats', 'trainingLog', 'baselineLog', 'golden']) {
    const v = files[key];
    if (v !== undefined && v !== null && !isPlainFileName(v)) fail('card-schema', `files.${key} is ${show(v)}; expected a file name or null`);
  }
}

function checkPreprocessing(card: ModelCard) {
  const p = card.preprocessing;
  const size = card.architecture.inputSize;
  if (!isPositiveInt(size) || size > MAX_INPUT_SIZE) {
    fail('input-size', `architecture.inputSize is ${show(size)}; expected a whole number of pixels from 1 to ${MAX_INPUT_SIZE}`);
  }
  if (p.inputSize !== size) fail('input-size', `preprocessing.inputSize is ${show(p.inputSize)} but architecture.inputSize is ${size}`);
  if (p.channelOrder !== 'RGB') fail('card-schema', `preprocessing.channelOrder is ${show(p.channelOrder)}; expected "RGB"`);
  const triple = (v: unknown, positive: boolean) =>
    Array.isArray(v) && v.length === 3 && v.every((x) => Number.isFinite(x) && (!positive || x > 0));
  if (!triple(p.mean, false)) fail('card-schema', `preprocessing.mean is ${show(p.mean)}; expected 3 numbers (R, G, B)`);
  if (!triple(p.std, true)) fail('card-schema', `preprocessing.std is ${show(p.std)}; expected 3 positive numbers (R, G, B)`);
  if (!(p.pixelScale > 0)) fail('card-schema', `preprocessing.pixelScale is ${show(p.pixelScale)}; expected a positive number`);
}

function checkArchitecture(a: Architecture) {
  const bad = (what: string, v: unknown, want: string) => fail('card-schema', `architecture.${what} is ${show(v)}; ${want}`);
  if (a.inputChannels !== 3) bad('inputChannels', a.inputChannels, 'expected 3 (RGB)');
  if (a.seReduction !== null && !isPositiveInt(a.seReduction)) bad('seReduction', a.seReduction, 'expected a whole number or null');
  // network.ts runs the stem and every block as 3x3 convolutions, stride 1 in the stem, padding 1
  if (!isPositiveInt(a.stem.channels)) bad('stem.channels', a.stem.channels, 'expected a positive whole number');
  if (a.stem.kernel !== 3 || a.stem.stride !== 1) bad('stem', a.stem, 'expected a 3x3 convolution with stride 1');
  if (!Array.isArray(a.stages) || a.stages.length === 0) bad('stages', a.stages, 'expected a list of stages');
  if (!Array.isArray(a.blocks) || a.blocks.length === 0) bad('blocks', a.blocks, 'expected a list of blocks');
  let hw = a.inputSize;
  let channels = a.stem.channels;
  let i = 0;
  for (const [s, stage] of a.stages.entries()) {
    if (!isObject(stage) || stage.index !== s || !isPositiveInt(stage.channels) || !isPositiveInt(stage.blocks) || (stage.stride !== 1 && stage.stride !== 2)) {
      bad(`stages[${s}]`, stage, `expected {index: ${s}, channels, blocks, stride 1 or 2}`);
    }
    for (let k = 0; k < stage.blocks; k++, i++) {
      const b = a.blocks[i];
      const stride = k === 0 ? stage.stride : 1;
      const out = Math.floor((hw - 1) / stride) + 1; // a 3x3 convolution with padding 1
      const fits =
        isObject(b) && b.index === i && typeof b.id === 'string' && b.stage === s && b.inChannels === channels &&
        b.channels === stage.channels && b.stride === stride && b.inputSize === hw && b.outputSize === out;
      if (!fits) {
        bad(`blocks[${i}]`, b === undefined ? b : { index: b.index, stage: b.stage, inChannels: b.inChannels, channels: b.channels, stride: b.stride, inputSize: b.inputSize, outputSize: b.outputSize },
          `stage ${s} implies {index: ${i}, stage: ${s}, inChannels: ${channels}, channels: ${stage.channels}, stride: ${stride}, inputSize: ${hw}, outputSize: ${out}}`);
      }
      const needsProjection = stride !== 1 || channels !== stage.channels;
      if (b.shortcut !== 'projection' && (b.shortcut !== 'identity' || needsProjection)) {
        bad(`blocks[${i}].shortcut`, b.shortcut, needsProjection ? 'expected "projection" (the block changes shape)' : 'expected "identity" or "projection"');
      }
      if (b.se !== null && !(isObject(b.se) && isPositiveInt(b.se.hidden) && isPositiveInt(b.se.reduction))) {
        bad(`blocks[${i}].se`, b.se, 'expected null or {reduction, hidden} (whole numbers)');
      }
      hw = out;
      channels = stage.channels;
    }
    if (stage.outputSize !== hw) bad(`stages[${s}].outputSize`, stage.outputSize, `its blocks end at ${hw}`);
  }
  if (a.blocks.length !== i) bad('blocks', `${a.blocks.length} blocks`, `the stages have ${i}`);
  const seBlocks = a.blocks.filter((b) => b.se !== null).length;
  if (a.seBlocks !== undefined && a.seBlocks !== seBlocks) bad('seBlocks', a.seBlocks, `${seBlocks} blocks have an SE module`);
  if (a.head.pool !== 'global-average') bad('head.pool', a.head.pool, 'expected "global-average"');
  if (a.head.inFeatures !== channels) bad('head.inFeatures', a.head.inFeatures, `the last block has ${channels} channels`);
  if (!isPositiveInt(a.head.classes)) bad('head.classes', a.head.classes, 'expected a positive whole number');
}

function checkClasses(card: ModelCard) {
  const c = card.classes as unknown;
  if (!Array.isArray(c) || c.length === 0) fail('classes', `classes is ${show(c)}; expected a list of {key, en, ko}`);
  const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
  c.forEach((x: unknown, i) => {
    if (!isObject(x) || !text(x.key) || !text(x.en) || !text(x.ko)) fail('classes', `classes[${i}] is ${show(x)}; expected {key, en, ko} with non-empty names`);
  });
  const keys = new Set(c.map((x: { key: string }) => x.key));
  if (keys.size !== c.length) fail('classes', 'two classes share a key');
  const head = card.architecture.head.classes;
  if (c.length !== head) fail('classes', `lists ${c.length} classes but the network's head has ${head} outputs`);
}
