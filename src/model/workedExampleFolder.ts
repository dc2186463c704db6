/**
 * The worked example as a model folder in the format training/export.py writes (card.json,
 * model.json, weights.bin), so that its numbers come from the same code as the real model's:
 * SENetwork.load → run → taps. One block, C = 4, r = 2, input 2×2.
 *
 * The convolutions are set so that every input gives the chosen U and shortcut x:
 * - the stem has zero kernels and bias x (after its ReLU the block input is x; x ≥ 0),
 * - conv1 has zero kernels and bias [1, 0, 0, 0] (channel 0 is 1 everywhere after its ReLU),
 * - conv2 reads that channel through one corner tap per output position: with padding 1 on a
 *   2×2 map, tap (2,2) reaches only output (0,0), (2,0) only (0,1), (0,2) only (1,0) and (0,0)
 *   only (1,1); so U(i, j, c) is that tap's weight for channel c.
 * The SE part (W₁, b₁, W₂, b₂), the scale and the residual add run exactly as in a trained model.
 */
import { EXAMPLE, type ExampleBlock } from '../compute/lesson/workedExample';
import type { ModelCard } from '../types/card';
import type { FileReader } from './weights';

interface Spec {
  name: string;
  shape: number[];
  values: number[];
}

/** the corner tap (kh, kw) that reaches output position p = i·2 + j of a 2×2 map */
const CORNER_TAP: [number, number][] = [
  [2, 2],
  [2, 0],
  [0, 2],
  [0, 0],
];

function conv2Kernel(ex: ExampleBlock): number[] {
  const C = ex.channels;
  const k = new Array<number>(3 * 3 * C * C).fill(0);
  // tfjs layout [kh, kw, in, out]; input channel 0 only
  CORNER_TAP.forEach(([kh, kw], p) => {
    for (let c = 0; c < C; c++) k[((kh * 3 + kw) * C + 0) * C + c] = ex.u[c]![p]!;
  });
  return k;
}

/** every x value of a channel must be the same (the stem's bias) and ≥ 0 (after its ReLU) */
function stemBias(ex: ExampleBlock): number[] {
  return ex.x.map((map, c) => {
    const v = map[0]!;
    if (v < 0 || map.some((w) => w !== v)) throw new Error(`shortcut channel ${c}: one value ≥ 0 per channel, got ${map.join(', ')}`);
    return v;
  });
}

const transpose = (m: number[][]) => m[0]!.map((_, j) => m.map((row) => row[j]!));
const zeros = (n: number) => new Array<number>(n).fill(0);

function specs(ex: ExampleBlock): Spec[] {
  const C = ex.channels;
  const hidden = C / ex.reduction;
  if (ex.size !== 2) throw new Error('the corner-tap construction needs 2×2 maps');
  return [
    { name: 'stem/kernel', shape: [3, 3, 3, C], values: zeros(27 * C) },
    { name: 'stem/bias', shape: [C], values: stemBias(ex) },
    { name: 'blocks/0/conv1/kernel', shape: [3, 3, C, C], values: zeros(9 * C * C) },
    { name: 'blocks/0/conv1/bias', shape: [C], values: [1, ...zeros(C - 1)] },
    { name: 'blocks/0/conv2/kernel', shape: [3, 3, C, C], values: conv2Kernel(ex) },
    { name: 'blocks/0/conv2/bias', shape: [C], values: zeros(C) },
    // the FC layers compute z·kernel: the kernels are the paper's W₁ and W₂ transposed
    { name: 'blocks/0/se/fc1/kernel', shape: [C, hidden], values: transpose(ex.w1).flat() },
    { name: 'blocks/0/se/fc1/bias', shape: [hidden], values: ex.b1 },
    { name: 'blocks/0/se/fc2/kernel', shape: [hidden, C], values: transpose(ex.w2).flat() },
    { name: 'blocks/0/se/fc2/bias', shape: [C], values: ex.b2 },
    { name: 'head/kernel', shape: [C, 2], values: zeros(2 * C) },
    { name: 'head/bias', shape: [2], values: zeros(2) },
  ];
}

function card(ex: ExampleBlock): ModelCard {
  const C = ex.channels;
  const hidden = C / ex.reduction;
  const size = ex.size;
  return {
    formatVersion: 1,
    id: 'worked-example',
    name: 'Worked example (one SE block, C = 4, r = 2)',
    interim: false,
    description: 'A hand-made block for the lesson’s worked example; not trained.',
    architecture: {
      family: 'cifar-resnet',
      depth: 4,
      inputSize: size,
      inputChannels: 3,
      seReduction: ex.reduction,
      seBlocks: 1,
      stem: { channels: C, kernel: 3, stride: 1, batchNormFolded: true },
      stages: [{ index: 0, channels: C, blocks: 1, stride: 1, outputSize: size }],
      blocks: [
        { index: 0, id: 'example', stage: 0, inChannels: C, channels: C, stride: 1, inputSize: size, outputSize: size, shortcut: 'identity', se: { reduction: ex.reduction, hidden } },
      ],
      head: { pool: 'global-average', inFeatures: C, classes: 2 },
    },
    classes: [
      { key: 'a', en: 'a', ko: 'a' },
      { key: 'b', en: 'b', ko: 'b' },
    ],
    preprocessing: { inputSize: size, channelOrder: 'RGB', pixelScale: 255, mean: [0, 0, 0], std: [1, 1, 1] },
    metrics: { testTop1: 0, testTop1PerClass: {}, testImages: 0, baseline: null },
    complexity: { params: 0, paramsWithSE: 0, paramsWithoutSE: 0, macs: { conv: 0, se: 0, fc: 0, total: 0 }, macsWithSE: 0, macsWithoutSE: 0, weightsBytes: 0 },
    training: { recipe: {}, epochs: 0, plannedEpochs: 0, trainingSeconds: 0, run: '', framework: 'none', segments: [] },
    dataset: { sha256: '', trainImages: 0, testImages: 0, classes: 2 },
    files: { weights: 'model.json', golden: '', excitationStats: null },
    exported: '2026-11-30T00:00:00Z',
  };
}

/** card.json, model.json and weights.bin of the worked example's model. */
export function workedExampleFolder(ex: ExampleBlock = EXAMPLE): Map<string, Uint8Array> {
  const all = specs(ex);
  const weights = Float32Array.from(all.flatMap((s) => s.values));
  const manifest = {
    format: 'se-explainer-weights',
    formatVersion: 1,
    weightsManifest: [{ paths: ['weights.bin'], weights: all.map((s) => ({ name: s.name, shape: s.shape, dtype: 'float32' })) }],
    byteLength: weights.byteLength,
  };
  const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  const c = card(ex);
  c.complexity.weightsBytes = weights.byteLength;
  return new Map([
    ['card.json', json(c)],
    ['model.json', json(manifest)],
    ['weights.bin', new Uint8Array(weights.buffer)],
  ]);
}

/** A FileReader (as SENetwork.load takes) over an in-memory folder. */
export function memoryReader(folder: Map<string, Uint8Array>): FileReader {
  const get = (p: string) => {
    const b = folder.get(p);
    if (!b) throw new Error(`no file ${p}`);
    return b;
  };
  return {
    json: async (p) => JSON.parse(new TextDecoder().decode(get(p))) as unknown,
    bytes: async (p) => {
      const b = get(p);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  };
}
