/**
 * How large a model this app runs: what a student's laptop can run in the page without freezing
 * it. The reference is the development machine (2 cores, software WebGL), where the shipped
 * SE-ResNet-20 (32×32 input, 281k parameters, 40.9 M multiply-adds) takes ~120 ms a pass with all
 * its taps on WebGL and ~16 ms on wasm (README, Benchmark). Each limit is checked before the
 * large thing it bounds is parsed or allocated, and the message gives the limit and the value.
 * README "Models" states them; a unit test holds the two equal.
 */
import type { ModelCard } from '../types/card';
import { expectedTensors } from './expectedTensors';
import { ModelCheckError } from './modelErrors';
import type { FileReader } from './weights';

const MiB = 1024 * 1024;

export const MODEL_LIMITS = {
  /** ImageNet's 1,000: every class's probability is drawn as a row (experiments, lesson) */
  classes: 1000,
  /** 4× CIFAR's side: every block's maps are read back and drawn per channel (16× the pixels) */
  inputSize: 128,
  /** 10× the shipped model: ~1.2 s a pass on software WebGL, ~0.2 s on wasm */
  macs: 400_000_000,
  /** ~18× the shipped model: 20 MB of float32 weights, held as bytes, tensors and a stored copy */
  params: 5_000_000,
  /** card.json (shipped: 7.5 kB; 1,000 classes with long names fit) */
  cardBytes: 1 * MiB,
  /** the weight manifest (shipped: 9.7 kB; ~90 bytes a tensor) */
  manifestBytes: 1 * MiB,
  /** optional files kept with a model (statistics, logs, golden vectors); larger ones are left out */
  extraBytes: 16 * MiB,
} as const;

const n = (v: number) => v.toLocaleString('en-US');
const bytes = (v: number) => `${n(v)} bytes${v >= MiB ? ` (${(v / MiB).toFixed(1)} MiB)` : ''}`;

/** Parameters and multiply-adds per image that a card's architecture implies (its own figures are not trusted). */
export function modelCost(card: ModelCard): { params: number; macs: number } {
  const params = expectedTensors(card).reduce((sum, t) => sum + t.shape.reduce((a, b) => a * b, 1), 0);
  const a = card.architecture;
  const k = a.stem.kernel;
  let macs = a.inputSize ** 2 * k * k * a.inputChannels * a.stem.channels;
  for (const b of a.blocks) {
    const hw = b.outputSize ** 2;
    macs += hw * 9 * b.inChannels * b.channels + hw * 9 * b.channels * b.channels;
    if (b.shortcut === 'projection') macs += hw * b.inChannels * b.channels;
    if (b.se) macs += 2 * b.channels * b.se.hidden + hw * b.channels; // the two FCs, and U·s
  }
  macs += a.head.inFeatures * a.head.classes;
  return { params, macs };
}

function tooLarge(file: string, what: string, value: string, limit: string): never {
  throw new ModelCheckError('limit', `${file}: ${what} is ${value}; this app runs models of at most ${limit}, what a laptop can run in the page`, file);
}

/** The class count and input size (before anything is read per class or allocated per pixel). */
export function checkCardSize(card: ModelCard) {
  const classes = Array.isArray(card.classes) ? card.classes.length : 0;
  const outputs = card.architecture.head.classes;
  const most = Math.max(classes, Number.isFinite(outputs) ? outputs : 0);
  if (most > MODEL_LIMITS.classes) tooLarge('card.json', 'the number of classes', n(most), `${n(MODEL_LIMITS.classes)} classes`);
  const size = card.architecture.inputSize;
  if (size > MODEL_LIMITS.inputSize) tooLarge('card.json', 'architecture.inputSize', `${n(size)} pixels`, `${MODEL_LIMITS.inputSize}×${MODEL_LIMITS.inputSize} pixels of input`);
}

/** Parameters and multiply-adds, from a card whose architecture is consistent (checkCard). */
export function checkCardCost(card: ModelCard) {
  const { params, macs } = modelCost(card);
  if (params > MODEL_LIMITS.params) tooLarge('card.json', 'the architecture’s parameter count', n(params), `${n(MODEL_LIMITS.params)} parameters`);
  if (macs > MODEL_LIMITS.macs) tooLarge('card.json', 'the architecture’s multiply-adds per image', n(macs), `${n(MODEL_LIMITS.macs)} multiply-adds per image`);
}

/** A file's size before it is read, where the reader knows it. */
export async function checkFileBytes(reader: FileReader, file: string, limit: number) {
  const size = (await reader.size?.(file)) ?? null;
  if (size !== null && size > limit) {
    throw new ModelCheckError('limit', `${file} is ${bytes(size)}; this app reads at most ${bytes(limit)} for ${file}, before parsing anything`, file);
  }
}
