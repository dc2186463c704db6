import type { ModelCard, ModelIndex } from '../types/card';
import type { ForwardResult, Overrides, TapSelection } from '../types/forward';
import { activeBackend, initBackend, numTensors, type BackendInfo, type BackendName } from './backend';
import { SENetwork } from './network';
import { httpReader } from './weights';

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
  onProgress?: (fraction: number, stage: 'backend' | 'model' | 'warmup') => void;
}

export async function createEngine(opts: EngineOptions): Promise<Engine> {
  opts.onProgress?.(0, 'backend');
  const backend = await initBackend(opts.backend ?? 'webgl');
  const index = (await httpReader(opts.modelsUrl).json('index.json')) as ModelIndex;
  const id = opts.modelId ?? index.default;
  if (!index.models.some((m) => m.id === id)) throw new Error(`unknown model ${id}`);
  const net = await SENetwork.load(httpReader(`${opts.modelsUrl.replace(/\/$/, '')}/${id}/`), (f) =>
    opts.onProgress?.(0.1 + 0.7 * f, 'model'),
  );
  // warm-up: the first pass compiles the WebGL shaders (seconds on software GL)
  opts.onProgress?.(0.85, 'warmup');
  const size = net.inputSize;
  await net.run(new Float32Array(size * size * 3).fill(128), { taps: 'all' });
  opts.onProgress?.(1, 'warmup');
  return {
    card: net.card,
    backend,
    classify: (pixels, overrides, taps) => net.run(pixels, { overrides, taps }),
    update: (overrides, taps) => net.update(overrides, { taps }),
    rerunFrom: (block, overrides, taps) => net.rerunFrom(block, overrides, { taps }),
    numTensors,
    activeBackend,
    dispose: () => net.dispose(),
  };
}
