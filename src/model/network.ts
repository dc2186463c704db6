import { blockKey } from '../types/overridesKey';
import * as tf from '@tensorflow/tfjs-core';
import type { BlockSpec, ModelCard } from '../types/card';
import type { BlockOverride, BlockTaps, ForwardResult, Overrides, TapSelection } from '../types/forward';
import { decodeTensors, loadWeightData, type FileReader, type WeightData } from './weights';

interface BlockWeights {
  spec: BlockSpec;
  conv1: { kernel: tf.Tensor4D; bias: tf.Tensor1D };
  conv2: { kernel: tf.Tensor4D; bias: tf.Tensor1D };
  shortcut: { kernel: tf.Tensor4D; bias: tf.Tensor1D } | null;
  se: { fc1: tf.Tensor2D; b1: tf.Tensor1D; fc2: tf.Tensor2D; b2: tf.Tensor1D } | null;
}

/** Tensors of one block kept until read back (inside a pass). */
interface BlockTensors {
  u: tf.Tensor4D;
  z: tf.Tensor2D | null;
  h: tf.Tensor2D | null;
  e: tf.Tensor2D | null;
  sModel: tf.Tensor2D | null;
  s: tf.Tensor2D | null;
  scaled: tf.Tensor4D;
  out: tf.Tensor4D;
}

export interface RunOptions {
  overrides?: Overrides;
  /** which blocks' taps to read back; default 'all' */
  taps?: TapSelection;
}

/**
 * An exported CIFAR-style (SE-)ResNet, built from its model card. One call to `run` computes
 * the logits and every SE tap in a single pass; `rerunFrom(k)` repeats only blocks k.. using
 * the cached input of block k from the last full pass (interventions on later blocks do not
 * change the earlier ones, so nothing before k is recomputed).
 */
export class SENetwork {
  private readonly blocks: BlockWeights[];
  private readonly stem: { kernel: tf.Tensor4D; bias: tf.Tensor1D };
  private readonly head: { kernel: tf.Tensor2D; bias: tf.Tensor1D };
  private readonly mean: tf.Tensor1D;
  private readonly std: tf.Tensor1D;
  /** join each block's taps on the backend before reading them ('auto': on WebGL only); tests set both */
  groupedReadBack: boolean | 'auto' = 'auto';
  /** input of every block from the last full pass (kept across tidy scopes) */
  private blockInputs: tf.Tensor4D[] = [];
  /** the overrides (one canonical key per block) of the pass that filled the cache */
  private cachedOverrides: string[] = [];
  private disposed = false;

  private constructor(
    readonly card: ModelCard,
    private readonly weights: tf.NamedTensorMap,
  ) {
    const w = <T extends tf.Tensor>(name: string): T => {
      const t = weights[name];
      if (!t) throw new Error(`weights: missing tensor ${name}`);
      return t as T;
    };
    this.stem = { kernel: w('stem/kernel'), bias: w('stem/bias') };
    this.blocks = card.architecture.blocks.map((spec) => {
      const p = `blocks/${spec.index}`;
      return {
        spec,
        conv1: { kernel: w(`${p}/conv1/kernel`), bias: w(`${p}/conv1/bias`) },
        conv2: { kernel: w(`${p}/conv2/kernel`), bias: w(`${p}/conv2/bias`) },
        shortcut:
          spec.shortcut === 'projection'
            ? { kernel: w(`${p}/shortcut/kernel`), bias: w(`${p}/shortcut/bias`) }
            : null,
        se: spec.se
          ? {
              fc1: w(`${p}/se/fc1/kernel`),
              b1: w(`${p}/se/fc1/bias`),
              fc2: w(`${p}/se/fc2/kernel`),
              b2: w(`${p}/se/fc2/bias`),
            }
          : null,
      };
    });
    this.head = { kernel: w('head/kernel'), bias: w('head/bias') };
    this.mean = tf.tensor1d(card.preprocessing.mean);
    this.std = tf.tensor1d(card.preprocessing.std);
  }

  /** Loads card.json and the weights it names from a model folder. */
  static async load(reader: FileReader, onProgress?: (fraction: number) => void): Promise<SENetwork> {
    const { card, weights } = await SENetwork.fetchFiles(reader, onProgress);
    return SENetwork.fromWeightData(card, weights);
  }

  /** The card and the raw (checked) weights, without creating tensors yet. */
  static async fetchFiles(
    reader: FileReader,
    onProgress?: (fraction: number) => void,
    onCard?: (card: ModelCard) => void,
  ): Promise<{ card: ModelCard; weights: WeightData }> {
    const card = (await reader.json('card.json')) as ModelCard;
    validateCard(card);
    onCard?.(card);
    onProgress?.(0.1);
    const weights = await loadWeightData(reader, card.files.weights);
    onProgress?.(0.9);
    return { card, weights };
  }

  /** Builds the network on the active backend (again after a backend change). */
  static fromWeightData(card: ModelCard, weights: WeightData): SENetwork {
    validateCard(card);
    return new SENetwork(card, decodeTensors(weights));
  }

  static fromTensors(card: ModelCard, weights: tf.NamedTensorMap): SENetwork {
    validateCard(card);
    return new SENetwork(card, weights);
  }

  get inputSize(): number {
    return this.card.architecture.inputSize;
  }

  get numBlocks(): number {
    return this.blocks.length;
  }

  /** Has a full pass been run, so that `rerunFrom` can start from a cached block input? */
  get hasCache(): boolean {
    return this.blockInputs.length === this.blocks.length;
  }

  /**
   * Full forward pass on RGB pixels 0..255, HWC (Float32Array or Uint8Array of size·size·3).
   * Caches every block's input for later re-runs.
   */
  async run(pixels: ArrayLike<number>, options: RunOptions = {}): Promise<ForwardResult> {
    this.assertUsable();
    const t0 = now();
    const size = this.inputSize;
    if (pixels.length !== size * size * 3) {
      throw new Error(`input must be ${size}x${size}x3 pixels, got ${pixels.length} values`);
    }
    const { logits, taps, inputs } = tidyPass(() => {
      const x = tf.tensor4d(Float32Array.from(pixels), [1, size, size, 3]);
      return this.fromBlock(this.stemOf(x), 0, options.overrides ?? {}, true);
    });
    this.replaceCache(inputs);
    this.cachedOverrides = overrideKeys(options.overrides ?? {}, this.blocks.length);
    return this.readBack(logits, taps, 0, options.taps ?? 'all', t0);
  }

  /**
   * The first pass in steps (the stem, then each block with its read-back joins, then one full
   * pass), each on a blank input of the right shape, its tensors freed. On WebGL a step compiles
   * the shader programs it needs (seconds in all on software GL), so the caller can let the page
   * paint and answer input between steps instead of freezing for the whole first pass.
   */
  warmUpSteps(): (() => Promise<void>)[] {
    this.assertUsable();
    const size = this.inputSize;
    const steps: (() => Promise<void>)[] = [];
    steps.push(async () => tf.tidy(() => void this.stemOf(tf.zeros([1, size, size, 3]))));
    let input: [number, number, number, number] = [1, size, size, this.stem.kernel.shape[3]];
    for (const b of this.blocks) {
      const shape = input;
      steps.push(async () =>
        tf.tidy(() => {
          // the block and the joins of its grouped read-back (see readBack)
          blockReads(this.block(b, tf.zeros(shape), undefined), true);
        }),
      );
      input = [1, b.spec.outputSize, b.spec.outputSize, b.spec.channels];
    }
    steps.push(async () => void (await this.run(new Float32Array(size * size * 3).fill(128), { taps: 'all' })));
    return steps;
  }

  /**
   * One pass on a tiny blank input (8×8, any size works after the global pooling) that pays a
   * backend's one-time costs per layer (on wasm: packing each convolution's weights, the first
   * run of each kernel's code) in a fraction of a full pass. WebGL needs `warmUpSteps` instead:
   * its shader programs are specialised to the input size.
   */
  warmUpSmall(): void {
    this.assertUsable();
    const grouped = this.readsGrouped();
    tf.tidy(() => {
      const { logits, taps } = this.fromBlock(this.stemOf(tf.zeros([1, 8, 8, 3])), 0, {}, false);
      // the read-back too, as readBack does it on this backend: its first run is as costly
      for (const x of [headRead(logits), ...taps.flatMap((t) => (t ? blockReads(t, grouped) : []))]) x.dataSync();
    });
  }

  /**
   * Logits only, for a batch of n images (RGB 0..255, NHWC, n·size·size·3 values): the same
   * computation as `run` without taps or caching. Used by the evaluation and benchmark scripts,
   * and by the engine's output check, which may pass a smaller `size` (any size works after the
   * global pooling).
   */
  async logitsBatch(pixels: Float32Array, n: number, size = this.inputSize): Promise<Float32Array> {
    this.assertUsable();
    const logits = tf.tidy(() => {
      const x = tf.tensor4d(pixels, [n, size, size, 3]);
      return this.fromBlock(this.stemOf(x), 0, {}, false).logits;
    });
    try {
      return (await logits.data()) as Float32Array;
    } finally {
      logits.dispose();
    }
  }

  private stemOf(x: tf.Tensor4D): tf.Tensor4D {
    const normalised = tf.div(tf.sub(tf.div(x, this.card.preprocessing.pixelScale), this.mean), this.std);
    return tf.fused.conv2d({
      x: normalised as tf.Tensor4D,
      filter: this.stem.kernel,
      strides: 1,
      pad: 1,
      bias: this.stem.bias,
      activation: 'relu',
    });
  }

  /**
   * Re-runs blocks `from`.. with `overrides` (the full set, as for `run`), starting from the
   * cached input of block `from`. The overrides of blocks before `from` must equal those of
   * the pass that filled the cache, since their outputs are reused. Reads back the logits and
   * the taps of blocks >= from, and refreshes the cached inputs of the later blocks.
   */
  async rerunFrom(from: number, overrides: Overrides, options: { taps?: TapSelection } = {}): Promise<ForwardResult> {
    this.assertUsable();
    if (!this.hasCache) throw new Error('rerunFrom needs a full pass first');
    if (from < 0 || from >= this.blocks.length) throw new Error(`no block ${from}`);
    const changed = this.firstChangedBlock(overrides);
    if (changed < from) {
      throw new Error(`the override of block ${changed} changed: re-run from block ${changed}, not ${from}`);
    }
    const t0 = now();
    const start = this.blockInputs[from]!;
    const { logits, taps, inputs } = tidyPass(() => this.fromBlock(start, from, overrides, true));
    // inputs[0] is the reused cached input itself (cloned): keep the original, drop the clone
    inputs[0]!.dispose();
    for (let i = 1; i < inputs.length; i++) {
      this.blockInputs[from + i]!.dispose();
      this.blockInputs[from + i] = inputs[i]!;
    }
    this.cachedOverrides = overrideKeys(overrides, this.blocks.length);
    const selection = options.taps ?? 'all';
    const restricted =
      selection === 'all'
        ? range(from, this.blocks.length)
        : selection === 'none'
          ? []
          : selection.filter((i) => i >= from);
    return this.readBack(logits, taps, from, restricted, t0);
  }

  /** Applies a new override set, recomputing only from the first block whose override changed. */
  async update(overrides: Overrides, options: { taps?: TapSelection } = {}): Promise<ForwardResult> {
    const from = Math.min(this.firstChangedBlock(overrides), this.blocks.length - 1);
    return this.rerunFrom(from, overrides, options);
  }

  /** First block whose override differs from the pass that filled the cache (numBlocks if none). */
  firstChangedBlock(overrides: Overrides): number {
    const keys = overrideKeys(overrides, this.blocks.length);
    const i = keys.findIndex((k, b) => k !== this.cachedOverrides[b]);
    return i < 0 ? this.blocks.length : i;
  }

  /** Blocks `from`.. and the head, inside the caller's tidy. */
  private fromBlock(
    x: tf.Tensor4D,
    from: number,
    overrides: Overrides,
    keepInputs: boolean,
  ): { logits: tf.Tensor2D; taps: (BlockTensors | null)[]; inputs: tf.Tensor4D[] } {
    const taps: (BlockTensors | null)[] = new Array(this.blocks.length).fill(null);
    const inputs: tf.Tensor4D[] = [];
    let h = x;
    for (let i = from; i < this.blocks.length; i++) {
      // a clone shares the data but has its own lifetime: the tap `out` is disposed after read-back
      if (keepInputs) inputs.push(tf.keep(tf.clone(h)));
      const t = this.block(this.blocks[i]!, h, overrides[i]);
      taps[i] = t;
      h = t.out;
    }
    const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D;
    const logits = tf.add(tf.matMul(pooled, this.head.kernel), this.head.bias) as tf.Tensor2D;
    return { logits, taps, inputs };
  }

  private block(b: BlockWeights, x: tf.Tensor4D, override: BlockOverride | undefined): BlockTensors {
    const a = tf.fused.conv2d({
      x,
      filter: b.conv1.kernel,
      strides: b.spec.stride,
      pad: 1, // PyTorch pads 1 on every side, also for stride 2 ('same' would pad 0/1)
      bias: b.conv1.bias,
      activation: 'relu',
    });
    const u = tf.fused.conv2d({ x: a, filter: b.conv2.kernel, strides: 1, pad: 1, bias: b.conv2.bias });
    const shortcut = b.shortcut
      ? tf.fused.conv2d({ x, filter: b.shortcut.kernel, strides: b.spec.stride, pad: 0, bias: b.shortcut.bias })
      : x;
    if (!b.se) {
      const out = tf.relu(tf.add(u, shortcut)) as tf.Tensor4D;
      return { u, z: null, h: null, e: null, sModel: null, s: null, scaled: u, out };
    }
    const z = tf.mean(u, [1, 2]) as tf.Tensor2D;
    const hidden = tf.relu(tf.add(tf.matMul(z, b.se.fc1), b.se.b1)) as tf.Tensor2D;
    const e = tf.add(tf.matMul(hidden, b.se.fc2), b.se.b2) as tf.Tensor2D;
    const sModel = tf.sigmoid(e);
    const s = applyOverride(e, sModel, override);
    const scaled = tf.mul(u, tf.reshape(s, [s.shape[0], 1, 1, s.shape[1]])) as tf.Tensor4D;
    const out = tf.relu(tf.add(scaled, shortcut)) as tf.Tensor4D;
    return { u, z, h: hidden, e, sModel, s, scaled, out };
  }

  /**
   * Reads the logits, their softmax and the wanted taps back to JavaScript. Per block, U, U·s and
   * the output (same shape) go side by side on the channel axis and the SE vectors end to end,
   * so a full pass is ~20 concurrent read-backs. Measured on WebGL (SwiftShader): one read per
   * tap (~75) cost far more than the pass; flattening everything into one tensor cost ~50% of
   * a pass in reshape/concat programs; this grouping costs ~20%.
   */
  private async readBack(
    logits: tf.Tensor2D,
    taps: (BlockTensors | null)[],
    from: number,
    selection: TapSelection,
    t0: number,
  ): Promise<ForwardResult> {
    const wanted = new Set(selection === 'all' ? range(0, this.blocks.length) : selection === 'none' ? [] : selection);
    const read = taps.flatMap((t, i) => (t && wanted.has(i) ? [{ block: i, t }] : []));
    const grouped = this.readsGrouped();
    // the tensors made here (joins) are disposed below; a block's own taps are disposed with it
    const joined = tf.tidy(() => [headRead(logits), ...(grouped ? read.flatMap(({ t }) => blockReads(t, true)) : [])]);
    const toRead = grouped ? joined : [...joined, ...read.flatMap(({ t }) => blockReads(t, false))];
    try {
      const arrays = (await Promise.all(toRead.map((x) => x.data()))) as Float32Array[];
      const n = logits.size;
      const probs = arrays[0]!.slice(0, n);
      const logitsData = arrays[0]!.slice(n, 2 * n);
      let next = 1;
      const blocks: (BlockTaps | null)[] = new Array(taps.length).fill(null);
      for (const { block, t } of read) {
        const [, H, W, C] = t.u.shape;
        let u: Float32Array, scaled: Float32Array, out: Float32Array;
        if (grouped) [u, scaled, out] = splitChannels(arrays[next++]!, H * W, C, 3) as [Float32Array, Float32Array, Float32Array];
        else if (t.z) [u, scaled, out] = [arrays[next++]!, arrays[next++]!, arrays[next++]!];
        else {
          [u, out] = [arrays[next++]!, arrays[next++]!];
          scaled = u; // no SE: U·s is U
        }
        const entry: BlockTaps = { index: block, shape: [H, W, C], u, z: null, h: null, e: null, sModel: null, s: null, scaled, out };
        if (t.z) {
          const sizes = [C, t.h!.size, C, C, C];
          const vectors = grouped ? splitEnds(arrays[next++]!, sizes) : sizes.map(() => arrays[next++]!);
          [entry.z, entry.h, entry.e, entry.sModel, entry.s] = vectors as Float32Array[];
        }
        blocks[block] = entry;
      }
      return { logits: logitsData, probs, blocks, fromBlock: from, ms: now() - t0, backend: tf.getBackend() };
    } finally {
      tf.dispose(joined);
      logits.dispose();
      for (const t of taps) {
        if (!t) continue;
        // `scaled` is `u` itself in a block without SE: dispose each tensor once
        const unique = new Set([t.u, t.z, t.h, t.e, t.sModel, t.s, t.scaled, t.out]);
        for (const x of unique) x?.dispose();
      }
    }
  }

  /**
   * On WebGL every tensor read is a GPU sync, so a block's taps are joined first (maps on the
   * channel axis, vectors end to end). On CPU-side backends a read is a plain copy: read as is.
   */
  private readsGrouped(): boolean {
    return this.groupedReadBack === 'auto' ? tf.getBackend() === 'webgl' : this.groupedReadBack;
  }

  private replaceCache(inputs: tf.Tensor4D[]) {
    for (const t of this.blockInputs) t.dispose();
    this.blockInputs = inputs;
  }

  private assertUsable() {
    if (this.disposed) throw new Error('SENetwork was disposed');
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.replaceCache([]);
    for (const t of Object.values(this.weights)) t.dispose();
    this.mean.dispose();
    this.std.dispose();
  }
}

/** One array holding vectors end to end -> views of the given sizes. */
function splitEnds(flat: Float32Array, sizes: number[]): Float32Array[] {
  let offset = 0;
  return sizes.map((size) => flat.subarray(offset, (offset += size)));
}

/** [pixels, k·C] channel-interleaved maps (k maps concatenated on the channel axis) -> k maps of [pixels, C]. */
function splitChannels(joined: Float32Array, pixels: number, C: number, k: number): Float32Array[] {
  const maps = Array.from({ length: k }, () => new Float32Array(pixels * C));
  for (let p = 0; p < pixels; p++) {
    for (let m = 0; m < k; m++) maps[m]!.set(joined.subarray((p * k + m) * C, (p * k + m + 1) * C), p * C);
  }
  return maps;
}

interface PassTensors {
  logits: tf.Tensor2D;
  taps: (BlockTensors | null)[];
  inputs: tf.Tensor4D[];
}

/** probabilities and logits, read as one tensor */
function headRead(logits: tf.Tensor2D): tf.Tensor {
  return tf.concat([tf.softmax(logits), logits], 1);
}

/**
 * What a pass reads back of one block, in readBack's order: joined (U | U·s | out, then
 * z, h, e, s_model, s end to end) or the tensors as they are. A block without SE reads U and out.
 */
function blockReads(t: BlockTensors, grouped: boolean): tf.Tensor[] {
  if (grouped) return [tf.concat([t.u, t.scaled, t.out], 3), ...(t.z ? [tf.concat([t.z, t.h!, t.e!, t.sModel!, t.s!], 1)] : [])];
  return t.z ? [t.u, t.scaled, t.out, t.z, t.h!, t.e!, t.sModel!, t.s!] : [t.u, t.out];
}

/** tf.tidy keeps every tensor inside the returned structure (nulls included) and frees the rest;
 * its typing just doesn't describe our nested result. */
function tidyPass(fn: () => PassTensors): PassTensors {
  return tf.tidy(() => fn() as unknown as tf.TensorContainer) as unknown as PassTensors;
}

/** The gate of one block, with interventions: trained sigmoid, softmax, or off (s = 1), then
 * any per-channel forced values. */
function applyOverride(e: tf.Tensor2D, sModel: tf.Tensor2D, override: BlockOverride | undefined): tf.Tensor2D {
  if (!override) return sModel;
  let s: tf.Tensor2D =
    override.gate === 'off' ? tf.onesLike(sModel) : override.gate === 'softmax' ? tf.softmax(e) : sModel;
  const entries = Object.entries(override.channels ?? {});
  if (entries.length > 0) {
    const c = sModel.shape[1];
    const mask = new Float32Array(c);
    const values = new Float32Array(c);
    for (const [k, v] of entries) {
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0 || i >= c) throw new Error(`no channel ${k}`);
      mask[i] = 1;
      values[i] = v;
    }
    const m = tf.tensor2d(mask, [1, c]);
    s = tf.add(tf.mul(s, tf.sub(1, m)), tf.mul(tf.tensor2d(values, [1, c]), m)) as tf.Tensor2D;
  }
  return s;
}

function validateCard(card: ModelCard) {
  if (!card || card.formatVersion !== 1 || card.architecture?.family !== 'cifar-resnet') {
    throw new Error('unsupported model card (expected formatVersion 1, family cifar-resnet)');
  }
  if (!Array.isArray(card.architecture.blocks) || card.architecture.blocks.length === 0) {
    throw new Error('model card lists no blocks');
  }
}

/** Each block's canonical override key (types/overridesKey), so that equal overrides compare equal. */
function overrideKeys(overrides: Overrides, n: number): string[] {
  return range(0, n).map((i) => blockKey(overrides[i]));
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
