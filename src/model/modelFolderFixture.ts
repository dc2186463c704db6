/**
 * Test fixtures: the shipped model's folder as File objects (its card and manifest; the weights
 * are synthetic bytes of the right length, with the manifest's sha256 recomputed, since unit
 * tests import JSON but not binary files), a variant with other classes and another input size,
 * and six broken copies, one problem each.
 */
import cardJson from '../../public/models/se-resnet20-cifar10/card.json';
import manifestJson from '../../public/models/se-resnet20-cifar10/model.json';
import statsJson from '../../public/models/se-resnet20-cifar10/excitation-stats.json';
import type { ModelCard } from '../types/card';
import type { ModelErrorCode } from './modelErrors';

export type Folder = Map<string, Uint8Array>;

type Manifest = { weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[]; byteLength: number; sha256?: string };

const text = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 1));
const parse = <T>(bytes: Uint8Array | undefined): T => JSON.parse(new TextDecoder().decode(bytes)) as T;

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Small deterministic weights, so a network built from them computes finite numbers. */
function syntheticWeights(byteLength: number): Uint8Array {
  const w = new Float32Array(byteLength / 4);
  for (let i = 0; i < w.length; i++) w[i] = 0.05 * Math.sin(i * 12.9898);
  return new Uint8Array(w.buffer);
}

async function folderOf(card: unknown, manifest: Manifest, extra: Record<string, unknown> = {}): Promise<Folder> {
  const weights = syntheticWeights(manifest.weightsManifest[0]!.weights.reduce((n, s) => n + 4 * s.shape.reduce((a, b) => a * b, 1), 0));
  const m = { ...manifest, byteLength: weights.byteLength, sha256: await sha256(weights) };
  const folder: Folder = new Map([
    ['card.json', text(card)],
    ['model.json', text(m)],
    ['weights.bin', weights],
  ]);
  for (const [name, v] of Object.entries(extra)) folder.set(name, text(v));
  return folder;
}

export const shippedCard = cardJson as unknown as ModelCard;
export const shippedManifest = manifestJson as unknown as Manifest;

/** The shipped model (with its excitation statistics; no logs, no golden files). */
export function shippedFolder(): Promise<Folder> {
  return folderOf(cardJson, shippedManifest, { 'excitation-stats.json': statsJson });
}

/** The shipped architecture at a 24x24 input with 4 made-up classes (the card's other facts kept). */
export function otherSizeFolder(): Promise<Folder> {
  const card = structuredClone(cardJson) as unknown as ModelCard;
  const classes = ['amber_disc', 'blue_ring', 'green_stripes', 'violet_corner'];
  const a = card.architecture;
  a.inputSize = card.preprocessing.inputSize = 24;
  for (const b of a.blocks) {
    b.inputSize = b.index === 0 ? 24 : a.blocks[b.index - 1]!.outputSize;
    b.outputSize = Math.floor((b.inputSize - 1) / b.stride) + 1;
  }
  for (const s of a.stages) s.outputSize = a.blocks.filter((b) => b.stage === s.index).at(-1)!.outputSize;
  a.head.classes = classes.length;
  card.classes = classes.map((key) => ({ key, en: key.replace('_', ' '), ko: key.replace('_', ' ') }));
  card.files.excitationStats = null;
  const manifest = structuredClone(shippedManifest);
  for (const s of manifest.weightsManifest[0]!.weights) {
    if (s.name === 'head/kernel') s.shape = [a.head.inFeatures, classes.length];
    if (s.name === 'head/bias') s.shape = [classes.length];
  }
  return folderOf(card, manifest);
}

/** `folder` with its weights changed by `change` (the manifest's sha256 follows them). */
export async function withWeights(folder: Folder, change: (w: Float32Array, specs: { name: string; shape: number[] }[]) => void): Promise<Folder> {
  const bytes = folder.get('weights.bin')!.slice();
  const manifest = parse<Manifest>(folder.get('model.json'));
  change(new Float32Array(bytes.buffer), manifest.weightsManifest.flatMap((g) => g.weights));
  return new Map(folder).set('weights.bin', bytes).set('model.json', text({ ...manifest, sha256: await sha256(bytes) }));
}

/** Where tensor `name` starts in the weights, in floats. */
export function offsetOf(specs: { name: string; shape: number[] }[], name: string): number {
  let at = 0;
  for (const s of specs) {
    if (s.name === name) return at;
    at += s.shape.reduce((a, b) => a * b, 1);
  }
  throw new Error(`no tensor ${name}`);
}

export function toFiles(folder: Folder, dir = ''): File[] {
  return [...folder].map(([name, bytes]) => {
    const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
    if (dir) Object.defineProperty(file, 'webkitRelativePath', { value: `${dir}/${name}` });
    return file;
  });
}

function edit<T>(folder: Folder, name: string, change: (doc: T) => void): Folder {
  const doc = parse<T>(folder.get(name));
  change(doc);
  return new Map(folder).set(name, text(doc));
}

export interface BrokenCase {
  name: string;
  code: ModelErrorCode;
  file: string;
  folder: Folder;
}

/** The six problems of issue 11 (the same as training/build_user_models.py writes), one each. */
export function brokenFolders(good: Folder): BrokenCase[] {
  const without = (name: string) => {
    const f = new Map(good);
    f.delete(name);
    return f;
  };
  const swapHead = (m: Manifest) => {
    const head = m.weightsManifest[0]!.weights.find((s) => s.name === 'head/kernel')!;
    head.shape = [...head.shape].reverse(); // same byte length: only the shape check sees it
  };
  const weights = good.get('weights.bin')!;
  return [
    { name: 'missing-manifest', code: 'missing', file: 'model.json', folder: without('model.json') },
    { name: 'card-not-json', code: 'not-json', file: 'card.json', folder: new Map(good).set('card.json', new TextEncoder().encode('{"formatVersion": 1, "id": ')) },
    { name: 'card-version', code: 'card-version', file: 'card.json', folder: edit<ModelCard>(good, 'card.json', (c) => (c.formatVersion = 99)) },
    { name: 'manifest-shapes', code: 'manifest-shapes', file: 'model.json', folder: edit<Manifest>(good, 'model.json', swapHead) },
    { name: 'truncated-weights', code: 'byte-length', file: 'weights.bin', folder: new Map(good).set('weights.bin', weights.slice(0, weights.byteLength / 2)) },
    { name: 'classes-vs-head', code: 'classes', file: 'card.json', folder: edit<ModelCard>(good, 'card.json', (c) => c.classes.pop()) },
  ];
}

export { edit as editJson };
