import type * as tf from '@tensorflow/tfjs-core';
import type { ModelCard } from '../types/card';
import { checkCard, isPlainFileName } from './cardCheck';
import { expectedTensors } from './expectedTensors';
import { ModelCheckError } from './modelErrors';
import { loadWeightData, type FileReader, type WeightData } from './weights';
import { checkFileBytes, MODEL_LIMITS } from './modelLimits';

export { MODEL_ERROR_CODES, ModelCheckError, type ModelErrorCode } from './modelErrors';
export { expectedTensors } from './expectedTensors';

export interface CheckedModel {
  card: ModelCard;
  weights: WeightData;
  /** the files read: card.json, the manifest, its shards */
  files: string[];
}

interface Group {
  paths: string[];
  weights: tf.io.WeightsManifestEntry[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a model folder before anything uses it, in order: card.json (present, JSON, version,
 * fields, architecture, input size, classes), then the weight manifest against the architecture
 * (structure, tensor names, shapes, dtypes), then the weight files (byte lengths, sha256 when the
 * manifest has one and the browser can compute it). Throws a ModelCheckError that names the
 * file and the problem; nothing is half-loaded.
 */
export async function validateModelFiles(reader: FileReader): Promise<CheckedModel> {
  await checkFileBytes(reader, 'card.json', MODEL_LIMITS.cardBytes);
  const card = checkCard(await reader.json('card.json'));
  const manifestName = card.files.weights;
  await checkFileBytes(reader, manifestName, MODEL_LIMITS.manifestBytes);
  const manifest = await reader.json(manifestName);
  const groups = checkManifest(manifest, manifestName);
  checkTensors(groups.flatMap((g) => g.weights), card, manifestName);

  // each file is read once: here for its length and checksum, then by loadWeightData
  const read = new Map<string, Promise<ArrayBuffer>>();
  const once: FileReader = {
    json: async (p) => (p === manifestName ? manifest : reader.json(p)),
    bytes: (p) => read.get(p) ?? (read.set(p, reader.bytes(p)), read.get(p)!),
  };
  const shards: ArrayBuffer[] = [];
  for (const g of groups) {
    const want = g.weights.reduce((n, s) => n + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
    // the sizes first where the reader knows them: a weight file far too large is never read
    const sizes = await Promise.all(g.paths.map((p) => reader.size?.(p) ?? null));
    const known = sizes.every((x) => x !== null) ? sizes.reduce<number>((n, x) => n + x!, 0) : null;
    const data = known === null || known === want ? await Promise.all(g.paths.map(once.bytes)) : [];
    const total = known ?? data.reduce((n, b) => n + b.byteLength, 0);
    if (total !== want) {
      throw new ModelCheckError(
        'byte-length',
        `${g.paths.join(' + ')} ${total < want ? 'is cut short' : 'is too long'}: ${total} bytes, but ${manifestName} describes ${want}`,
        g.paths[total < want ? g.paths.length - 1 : 0]!,
      );
    }
    shards.push(...data);
  }
  const total = shards.reduce((n, b) => n + b.byteLength, 0);
  const stated = (manifest as { byteLength?: unknown }).byteLength;
  if (stated !== undefined && stated !== total) {
    throw new ModelCheckError('byte-length', `${manifestName} says the weights are ${String(stated)} bytes, but its tensors take ${total}`, manifestName);
  }
  await checkDigest(manifest, shards, groups, manifestName);
  const weights = await loadWeightData(once, manifestName);
  return { card, weights, files: ['card.json', manifestName, ...groups.flatMap((g) => g.paths)] };
}

function checkManifest(raw: unknown, file: string): Group[] {
  const fail = (why: string): never => {
    throw new ModelCheckError('manifest', `${file}: ${why}`, file);
  };
  if (!isObject(raw) || !Array.isArray(raw.weightsManifest) || raw.weightsManifest.length === 0) {
    fail('no weightsManifest (is this the TF.js weights manifest that training/export.py writes?)');
  }
  const groups = (raw as { weightsManifest: unknown[] }).weightsManifest;
  for (const [i, entry] of groups.entries()) {
    const g = entry as Partial<Record<'paths' | 'weights', unknown[]>>;
    if (!isObject(g) || !Array.isArray(g.paths) || g.paths.length === 0 || !Array.isArray(g.weights)) {
      return fail(`weightsManifest[${i}] needs "paths" (the weight files) and "weights" (the tensors)`);
    }
    const bad = g.paths.find((p) => !isPlainFileName(p));
    if (bad !== undefined) fail(`weight file ${JSON.stringify(bad)} is not a file name in the model folder`);
    for (const s of g.weights as unknown[]) {
      const ok = isObject(s) && typeof s.name === 'string' && typeof s.dtype === 'string' &&
        Array.isArray(s.shape) && s.shape.every((n) => Number.isInteger(n) && n >= 0);
      if (!ok) fail(`${JSON.stringify(s)} is not a tensor entry {name, shape, dtype}`);
    }
  }
  return groups as Group[];
}

/** Names, then shapes, then dtypes: exactly the tensors the card's architecture implies. */
function checkTensors(specs: tf.io.WeightsManifestEntry[], card: ModelCard, file: string) {
  const want = expectedTensors(card);
  const have = new Map<string, tf.io.WeightsManifestEntry>();
  for (const s of specs) {
    if (have.has(s.name)) throw new ModelCheckError('manifest-names', `${file} lists the tensor ${s.name} twice`, file);
    have.set(s.name, s);
  }
  const wanted = new Set(want.map((t) => t.name));
  const missing = want.filter((t) => !have.has(t.name)).map((t) => t.name);
  const extra = specs.filter((s) => !wanted.has(s.name)).map((s) => s.name);
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length ? `lacks ${list(missing)}, which card.json's architecture needs` : '',
      extra.length ? `has ${list(extra)}, which card.json's architecture does not use` : '',
    ];
    throw new ModelCheckError('manifest-names', `${file} ${parts.filter(Boolean).join(' and ')}`, file);
  }
  for (const t of want) {
    const shape = have.get(t.name)!.shape;
    if (shape.join() !== t.shape.join()) {
      throw new ModelCheckError(
        'manifest-shapes',
        `${file}: ${t.name} has shape [${shape.join(', ')}], but card.json's architecture implies [${t.shape.join(', ')}]`,
        file,
      );
    }
  }
  for (const s of specs) {
    if (s.dtype !== 'float32' || s.quantization) {
      const what = s.quantization ? 'quantized' : `of dtype ${s.dtype}`;
      throw new ModelCheckError('dtype', `${file}: ${s.name} is ${what}; this app reads float32 weights`, file);
    }
  }
}

function list(names: string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** The export records the sha256 of its one weight file; checked where WebCrypto is available. */
async function checkDigest(manifest: unknown, shards: ArrayBuffer[], groups: Group[], file: string) {
  const want = isObject(manifest) ? manifest.sha256 : undefined;
  const subtle = globalThis.crypto?.subtle;
  if (typeof want !== 'string' || !subtle || shards.length !== 1) return;
  const got = [...new Uint8Array(await subtle.digest('SHA-256', shards[0]!))].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (got !== want.toLowerCase()) {
    const shard = groups[0]!.paths[0]!;
    throw new ModelCheckError('checksum', `${shard} does not match the sha256 in ${file}: the file is damaged or from another export`, shard);
  }
}
