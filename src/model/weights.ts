import * as tf from '@tensorflow/tfjs-core';
import { ModelFileError } from './modelFileError';
import { readJsonOnce } from './jsonOnce';
import { checkFiniteWeights } from './finiteWeights';

export { ModelFileError };

/** Reads a file of the exported model folder; the browser passes fetch, Node passes fs. */
export type FileReader = {
  json: (path: string) => Promise<unknown>;
  bytes: (path: string) => Promise<ArrayBuffer>;
  /** a file's size in bytes without reading it, where known (null: unknown or missing) */
  size?: (path: string) => Promise<number | null>;
};

interface WeightsManifestFile {
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  byteLength?: number;
}

function expectedBytes(spec: tf.io.WeightsManifestEntry): number {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  if (spec.dtype !== 'float32' && spec.dtype !== 'int32') {
    throw new ModelFileError(`unsupported dtype ${spec.dtype} for ${spec.name}`, spec.name);
  }
  return n * 4;
}

/** Raw weights: the manifest's tensor specs and all shards concatenated, checked for size. */
export interface WeightData {
  specs: tf.io.WeightsManifestEntry[];
  data: ArrayBuffer;
}

/**
 * Loads a TF.js weights manifest and its shards, checks every byte length against the
 * manifest before use (a truncated or padded shard is rejected, never half-used), and
 * decodes the tensors. The caller owns (and must dispose) the returned tensors.
 */
export async function loadTensors(reader: FileReader, manifestPath: string): Promise<tf.NamedTensorMap> {
  return decodeTensors(await loadWeightData(reader, manifestPath));
}

/** Tensors on the active backend from raw weights (again after a backend change). */
export function decodeTensors(w: WeightData): tf.NamedTensorMap {
  return tf.io.decodeWeights(w.data, w.specs);
}

export async function loadWeightData(reader: FileReader, manifestPath: string): Promise<WeightData> {
  let manifest: WeightsManifestFile;
  try {
    manifest = (await reader.json(manifestPath)) as WeightsManifestFile;
  } catch (e) {
    throw new ModelFileError(`cannot read ${manifestPath}: ${(e as Error).message}`, manifestPath);
  }
  if (!manifest || !Array.isArray(manifest.weightsManifest)) {
    throw new ModelFileError(`${manifestPath} has no weightsManifest`, manifestPath);
  }
  const base = manifestPath.includes('/') ? manifestPath.slice(0, manifestPath.lastIndexOf('/') + 1) : '';
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const group of manifest.weightsManifest) {
    const shards = await Promise.all(group.paths.map((p) => reader.bytes(base + p)));
    const total = shards.reduce((a, b) => a + b.byteLength, 0);
    const want = group.weights.reduce((a, s) => a + expectedBytes(s), 0);
    if (total !== want) {
      throw new ModelFileError(
        `${group.paths.join(', ')}: ${total} bytes, the manifest describes ${want}`,
        group.paths[0] ?? manifestPath,
      );
    }
    specs.push(...group.weights);
    buffers.push(...shards);
  }
  if (manifest.byteLength !== undefined) {
    const total = buffers.reduce((a, b) => a + b.byteLength, 0);
    if (total !== manifest.byteLength) {
      throw new ModelFileError(`weights are ${total} bytes, expected ${manifest.byteLength}`, manifestPath);
    }
  }
  const data = concat(buffers);
  checkFiniteWeights(specs, data, manifestPath);
  return { specs, data };
}

function concat(buffers: ArrayBuffer[]): ArrayBuffer {
  if (buffers.length === 1) return buffers[0]!;
  const total = buffers.reduce((a, b) => a + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out.buffer;
}

/** A FileReader over HTTP relative to a base URL (the model folder); JSON files are read once per page. */
export function httpReader(baseUrl: string, fetchFn: typeof fetch = fetch): FileReader {
  const url = (p: string) => (baseUrl.endsWith('/') ? baseUrl : baseUrl + '/') + p;
  return {
    json: (p) => readJsonOnce(url(p), p, fetchFn),
    bytes: async (p) => {
      const res = await fetchFn(url(p));
      if (!res.ok) throw new ModelFileError(`${p}: HTTP ${res.status}`, p);
      return res.arrayBuffer();
    },
  };
}
