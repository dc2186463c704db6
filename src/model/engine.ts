import type { ModelCard, ModelIndex } from '../types/card';
import type { ForwardResult, Overrides, TapSelection } from '../types/forward';
import {
  activeBackend,
  initBackend,
  initOnly,
  switchToBackend,
  loseWebGLContext,
  numTensors,
  resetWebGL,
  watchContextLoss,
  type BackendInfo,
  type BackendName,
} from './backend';
import { SENetwork } from './network';
import { UnknownModelError } from './catalog';
import { httpReader, type FileReader, type WeightData } from './weights';
import { isUserModelId, ownModelReader } from './ownModels';
import { validateModelFiles } from './validateModel';
import { readSEWeights } from './seWeights';
import type { SEWeights } from '../types/seWeights';
import { ModelCheckError } from './modelErrors';
import { checkImages, judgeOutputs } from './outputCheck';

/**
 * What the rest of the app sees of tfjs: one loaded network on one backend. The store holds an
 * Engine and calls these methods; nothing outside src/model imports tfjs.
 */
export interface Engine {
  readonly card: ModelCard;
  readonly backend: BackendInfo;
  /** full pass; caches block inputs for `update` */
  classify(pixels: ArrayLike<number>, overrides?: Overrides, taps?: TapSelection): Promise<ForwardResult>;
  /** re-runs from the first block whose override changed */
  update(overrides: Overrides, taps?: TapSelection): Promise<ForwardResult>;
  rerunFrom(block: number, overrides: Overrides, taps?: TapSelection): Promise<ForwardResult>;
  /**
   * Called after the engine rebuilt itself on a new backend (the WebGL context was lost): the
   * block-input cache is gone, so the app should classify its current image again.
   */
  onBackendChange(listener: (backend: BackendInfo, reason: string | null) => void): () => void;
  /**
   * The backend this engine moves to with `settle()` when it started on a quicker-to-start one
   * (see EngineOptions.headStart); null once it runs where it will stay.
   */
  readonly pendingBackend: BackendName | null;
  /**
   * Builds and warms the network on `pendingBackend`, then swaps it in; listeners hear of it
   * (reason null: a planned move). When that backend fails, the engine stays where it is and
   * the failure is listed in `backend.fallbacks`. Resolves at once when nothing is pending.
   */
  settle(): Promise<void>;
  /** test hook: loses the WebGL context (WEBGL_lose_context); false when not on WebGL */
  loseWebGLContext(): boolean;
  /**
   * 'same-output': the network gave the same outputs for two very different check images (e.g.
   * all-zero weights), so its predictions carry no information; null: nothing to say.
   */
  readonly warning: 'same-output' | null;
  /** another file of the model's folder (e.g. its excitation statistics), parsed */
  readJson(file: string): Promise<unknown>;
  /** per block: the SE FC weights as plain arrays (null without SE), for views that compute with them */
  readonly seWeights: (SEWeights | null)[];
  numTensors(): number;
  activeBackend(): string;
  dispose(): void;
}

export interface EngineOptions {
  /** base URL of public/models (contains index.json) */
  modelsUrl: string;
  /** model id; default: index.json's default */
  modelId?: string;
  backend?: BackendName;
  /**
   * Without a forced backend: start on wasm, which is ready in a few hundred ms, and move to
   * WebGL with `settle()` once the first result is on screen. On software GL, WebGL's first pass
   * compiles every shader program (seconds), which would otherwise delay the first result.
   */
  headStart?: boolean;
  onProgress?: (fraction: number, stage: 'backend' | 'model' | 'warmup') => void;
  /** the card, once read and checked: before the weights, so a first screen can draw from it */
  onCard?: (card: ModelCard) => void;
}

export async function createEngine(opts: EngineOptions): Promise<Engine> {
  opts.onProgress?.(0, 'backend');
  mark('se:engine-start');
  // the backend starts while the model files download (neither needs the other)
  const headStart = !!opts.headStart && !opts.backend;
  const backendReady = (headStart ? initOnly('wasm').catch(() => initBackend('webgl')) : initBackend(opts.backend ?? 'webgl')).then(
    (b) => (mark('se:backend-ready'), b),
  );
  const files = (async () => {
    if (opts.modelId && isUserModelId(opts.modelId)) {
      // one of the user's own models: the same checks as when it was loaded, from this device
      const reader = await ownModelReader(opts.modelId).catch(() => {
        throw new UnknownModelError(opts.modelId!);
      });
      const checked = await validateModelFiles(reader);
      const card = { ...checked.card, id: opts.modelId };
      opts.onCard?.(card);
      return { card, weights: checked.weights, reader };
    }
    const index = (await httpReader(opts.modelsUrl).json('index.json')) as ModelIndex;
    const id = opts.modelId ?? index.default;
    if (!index.models.some((m) => m.id === id)) throw new UnknownModelError(id);
    const reader = httpReader(`${opts.modelsUrl.replace(/\/$/, '')}/${id}/`);
    return { ...(await SENetwork.fetchFiles(reader, (f) => opts.onProgress?.(0.1 + 0.7 * f, 'model'), opts.onCard)), reader };
  })().then((f) => (mark('se:model-fetched'), f));
  const [backend, { card, weights, reader }] = await Promise.all([backendReady, files]);
  opts.onProgress?.(0.85, 'warmup');
  const engine = new SessionEngine(card, weights, backend, reader, headStart && backend.name !== 'webgl' ? 'webgl' : null);
  // WebGL's first pass compiles its shaders: paid before the user waits. Elsewhere one pass on a
  // tiny input pays the per-layer one-time costs (~100 ms here) before the first image's pass; a
  // full warm-up pass would delay that result (index.html preloads the image, so it is near).
  if (backend.name === 'webgl') await engine.warmUp();
  else engine.warmUpSmall();
  mark('se:warmup-done');
  // the check images at the input size on WebGL (its programs are compiled for that size now);
  // elsewhere at 8×8, a fraction of a pass, as the small warm-up
  const verdict = await engine.checkOutputs(backend.name === 'webgl' ? card.architecture.inputSize : 8).catch((e: unknown) => {
    engine.dispose();
    throw e;
  });
  if (verdict === 'non-finite') {
    engine.dispose();
    const file = card.files.weights;
    throw new ModelCheckError('non-finite', `${file}: the network's outputs on a check image are not finite numbers (NaN or infinite); its weights are out of range`, file);
  }
  opts.onProgress?.(1, 'warmup');
  return engine;
}

/** performance marks of the cold load, read by `npm run bench` (the first time only) */
function mark(name: string) {
  if (typeof performance !== 'undefined' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}

class SessionEngine implements Engine {
  private net: SENetwork;
  private current: BackendInfo;
  private recovering: Promise<void> | null = null;
  private listeners = new Set<(backend: BackendInfo, reason: string | null) => void>();
  /** passes and the backend swap run one at a time (tfjs has one active backend for the page) */
  private chain: Promise<unknown> = Promise.resolve();
  private settling: Promise<void> | null = null;
  private unwatch: () => void = () => {};
  /** the WebGL context of the current backend was lost (only ever set on WebGL) */
  private lost = false;
  private disposed = false;
  warning: 'same-output' | null = null;

  constructor(
    readonly card: ModelCard,
    private readonly weights: WeightData,
    backend: BackendInfo,
    private readonly files: FileReader,
    private pending: BackendName | null = null,
  ) {
    this.current = backend;
    this.net = SENetwork.fromWeightData(card, weights);
    this.watch();
  }

  get backend(): BackendInfo {
    return this.current;
  }

  private seWeightsRead: (SEWeights | null)[] | null = null;
  get seWeights(): (SEWeights | null)[] {
    return (this.seWeightsRead ??= readSEWeights(this.card, this.weights));
  }

  get pendingBackend(): BackendName | null {
    return this.disposed ? null : this.pending;
  }

  settle(): Promise<void> {
    if (!this.pending || this.disposed) return Promise.resolve();
    this.settling ??= this.moveTo(this.pending).finally(() => {
      this.pending = null;
      this.settling = null;
    });
    return this.settling;
  }

  private async moveTo(target: BackendName) {
    mark('se:settle-start');
    let next: SENetwork | null = null;
    try {
      const info = await this.exclusive(() => initOnly(target)); // loads and registers it first
      const built = await this.exclusive(async () => SENetwork.fromWeightData(this.card, this.weights), target);
      next = built;
      // warmed step by step (on WebGL: compiling its shaders); passes on the current backend
      // and the page's own work go on between the steps
      for (const step of built.warmUpSteps()) {
        await new Promise((r) => setTimeout(r, 16));
        if (this.disposed) throw new Error('the engine was disposed');
        await this.exclusive(step, target);
      }
      await this.exclusive(async () => {
        if (this.disposed) throw new Error('the engine was disposed');
        this.net.dispose();
        this.net = built;
        next = null;
        this.current = { ...info, fallbacks: [...this.current.fallbacks] };
      }, target);
    } catch (e) {
      next?.dispose();
      if (this.disposed) return;
      await switchToBackend(this.current.name).catch(() => {});
      const reason = (e as Error)?.message ?? String(e);
      this.current = { ...this.current, fallbacks: [...this.current.fallbacks, { name: target, reason }] };
    }
    mark('se:settled');
    if (this.disposed) return;
    this.watch();
    for (const l of this.listeners) l(this.current, null);
  }

  warmUpSmall() {
    try {
      this.net.warmUpSmall();
    } catch {
      /* a failing backend shows, with its reason, in the first real pass */
    }
  }

  /** The first pass compiles the WebGL shaders (seconds on software GL): do it before users wait. */
  async warmUp() {
    const size = this.net.inputSize;
    await this.net.run(new Float32Array(size * size * 3).fill(128), { taps: 'all' });
  }

  /** Runs the check images (side `size`) and keeps what they say in `warning`. */
  async checkOutputs(size: number) {
    const logits: Float32Array[] = [];
    for (const image of checkImages(size)) logits.push(await this.exclusive(() => this.net.logitsBatch(image, 1, size)));
    const verdict = judgeOutputs(logits);
    this.warning = verdict === 'same-output' ? verdict : null;
    return verdict;
  }

  classify(pixels: ArrayLike<number>, overrides?: Overrides, taps?: TapSelection) {
    return this.guard(() => this.net.run(pixels, { overrides, taps }));
  }

  update(overrides: Overrides, taps?: TapSelection) {
    return this.guard(() => this.net.update(overrides, { taps }));
  }

  rerunFrom(block: number, overrides: Overrides, taps?: TapSelection) {
    return this.guard(() => this.net.rerunFrom(block, overrides, { taps }));
  }

  onBackendChange(listener: (backend: BackendInfo, reason: string | null) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  loseWebGLContext() {
    return loseWebGLContext();
  }

  readJson(file: string) {
    return this.files.json(file);
  }

  numTensors() {
    return numTensors();
  }

  activeBackend() {
    return activeBackend();
  }

  dispose() {
    this.disposed = true;
    this.unwatch();
    this.net.dispose();
    // a listener's closure can reach other engines (the app's previous one): let go of them
    this.listeners.clear();
  }

  /** Runs `fn` after every earlier pass or swap, on this engine's backend (or `on`). */
  private exclusive<T>(fn: () => Promise<T>, on?: BackendName): Promise<T> {
    const run = this.chain.then(async () => {
      await switchToBackend(on ?? this.current.name);
      return fn();
    });
    this.chain = run.catch(() => {});
    return run;
  }

  /** Waits for a recovery in progress; a pass that fails because the context died triggers one. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    if (this.recovering) await this.recovering;
    try {
      return await this.exclusive(fn);
    } catch (e) {
      if (this.lost) {
        await this.recover('the WebGL context was lost during a pass');
        throw new Error('the GPU context was lost; the model was reloaded, try again', { cause: e });
      }
      throw e;
    }
  }

  private watch() {
    this.unwatch();
    this.lost = false;
    if (this.current.name !== 'webgl') return;
    this.unwatch = watchContextLoss(() => {
      this.lost = true;
      void this.recover('the WebGL context was lost');
    });
  }

  /** Rebuilds the network on a fresh WebGL context, or on wasm/cpu if WebGL will not come back. */
  private recover(reason: string): Promise<void> {
    if (this.recovering) return this.recovering;
    this.recovering = (async () => {
      try {
        this.net.dispose();
      } catch {
        /* tensors of a lost context cannot all be freed cleanly */
      }
      await resetWebGL();
      const info = await initBackend('webgl');
      this.current = { ...info, fallbacks: [...info.fallbacks] };
      this.net = SENetwork.fromWeightData(this.card, this.weights);
      await this.warmUp();
      this.watch();
      if (!this.disposed) for (const l of this.listeners) l(this.current, reason);
    })().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }
}
