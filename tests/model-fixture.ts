import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { SENetwork } from '../src/model/network';
import { folderReader } from '../scripts/node-reader';
import { loadTensors } from '../src/model/weights';
import type { ModelIndex } from '../src/types/card';

export const modelsDir = join(__dirname, '..', 'public', 'models');

/** The shipped (default) model's folder. */
export function defaultModelDir(): string {
  const index = JSON.parse(readFileSync(join(modelsDir, 'index.json'), 'utf8')) as ModelIndex;
  return join(modelsDir, index.default);
}

export async function loadShipped(): Promise<{ net: SENetwork; golden: tf.NamedTensorMap; inputs: string[] }> {
  await tf.setBackend('cpu');
  const dir = defaultModelDir();
  const net = await SENetwork.load(folderReader(dir));
  const golden = await loadTensors(folderReader(dir), 'golden.json');
  const meta = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as { inputs: { name: string }[] };
  return { net, golden, inputs: meta.inputs.map((i) => i.name) };
}
