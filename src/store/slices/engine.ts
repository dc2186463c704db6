/**
 * The engine slice: which model runs (the index of available models, the active one), on which
 * backend, and its loading progress. The engine itself belongs to the inference session (the
 * session slice mirrors it as `engine`); switching models keeps the image and runs it again
 * there (./installEngine).
 */
import type { StateCreator } from 'zustand/vanilla';
import { UnknownModelError } from '../../model/catalog';
import type { BackendInfo, BackendName } from '../../model/backend';
import type { ExcitationStats, ModelCard } from '../../types/card';
import type { SEWeights } from '../../types/seWeights';
import type { ModelSummary } from '../../types/models';
import type { AppState, Deps } from '../store';
import { installEngine } from './installEngine';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';
export type LoadStage = 'backend' | 'model' | 'warmup';

export interface EngineState {
  card: ModelCard | null;
  /**
   * The card of the page's first model while its weights still download (null once it runs or
   * failed): the first screen draws the architecture and the examples from it, so they are in
   * place when the first result arrives instead of moving the page then.
   */
  loadingCard: ModelCard | null;
  engineStatus: EngineStatus;
  progress: { fraction: number; stage: LoadStage };
  backend: BackendInfo | null;
  requestedBackend: BackendName | null;
  engineError: string | null;
  /** why the engine moved to another backend after loading (e.g. the WebGL context was lost) */
  backendNote: string | null;
  /**
   * The engine started on a quicker-to-start backend (wasm) and has not yet moved to this one,
   * where it will stay (WebGL); set until the image has been run there.
   */
  settlingTo: BackendName | null;
  /** the models the app can run (null until the index is read) */
  models: ModelSummary[] | null;
  /** the index's default model (links name the model only when it is another one) */
  defaultModel: string | null;
  /** the model asked for (a link's model=, the picker); null: the index's default */
  modelId: string | null;
  /** how many interventions did not fit the model switched to (0: all kept) */
  overridesDropped: number;
  /** the running model's per-class excitation statistics, when its export has them */
  excitationStats: ExcitationStats | null;
  /** the running model's SE FC weights per block (null without SE), plain arrays from the engine */
  seWeights: (SEWeights | null)[] | null;
  /**
   * 'same-output': the running model gave the same outputs for two very different check images
   * (e.g. all-zero weights); the prediction panel says its answers mean nothing
   */
  modelWarning: 'same-output' | null;
}

export const INITIAL_ENGINE: EngineState = {
  card: null, loadingCard: null, engineStatus: 'idle', progress: { fraction: 0, stage: 'backend' }, backend: null,
  requestedBackend: null, engineError: null, backendNote: null, settlingTo: null, models: null, defaultModel: null,
  modelId: null, overridesDropped: 0, excitationStats: null, seWeights: null, modelWarning: null,
};

export interface EngineSlice extends EngineState {
  loadModel: (backend?: BackendName | null) => Promise<void>;
  /** runs another model on the current image (overrides fitted to it) */
  switchModel: (id: string) => Promise<void>;
  /** moves the engine to the backend it will stay on (after the first result is drawn) */
  settleBackend: () => Promise<void>;
  loadModelIndex: () => Promise<void>;
}

const message = (e: unknown) => (e as Error)?.message ?? String(e);

export function createEngineSlice(deps: Deps): StateCreator<AppState, [], [], EngineSlice> {
  return (set, get) => {
    /** the newest load wins; an older one finishing later is disposed */
    let loadSeq = 0;
    const onProgress = (fraction: number, stage: LoadStage) => set({ progress: { fraction, stage } });
    return {
      ...INITIAL_ENGINE,
      async loadModel(backend = null) {
        if (get().engineStatus === 'loading') return;
        const seq = ++loadSeq;
        set({ engineStatus: 'loading', engineError: null, requestedBackend: backend, progress: { fraction: 0, stage: 'backend' } });
        const onCard = (card: ModelCard) => {
          if (seq !== loadSeq || get().card) return;
          set({ loadingCard: card });
          get().startExamples(card);
        };
        try {
          // the page's first model answers on wasm first (see settleBackend)
          const engine = await deps.createEngine({ modelsUrl: deps.modelsUrl, modelId: get().modelId ?? undefined, backend: backend ?? undefined, headStart: !get().engine, onProgress, onCard });
          if (seq !== loadSeq) return engine.dispose();
          await installEngine(engine, set, get);
        } catch (e) {
          if (seq !== loadSeq) return;
          if (!get().modelId || !(e instanceof UnknownModelError)) return set({ engineStatus: 'error', engineError: message(e), loadingCard: null });
          // a link named a model this app does not have: the default runs (the link notice says so)
          set({ modelId: null, engineStatus: 'idle' });
          return get().loadModel(backend);
        }
      },
      async settleBackend() {
        const engine = get().engine;
        // the job queue waits: a pass asked for meanwhile runs on the new backend
        if (engine?.pendingBackend) await get().exclusive(() => engine.settle());
      },
      async switchModel(id) {
        if (id === get().card?.id && get().engineStatus === 'ready') return;
        const seq = ++loadSeq;
        set({ engineStatus: 'loading', engineError: null, modelId: id, progress: { fraction: 0, stage: 'model' } });
        try {
          const engine = await deps.createEngine({ modelsUrl: deps.modelsUrl, modelId: id, backend: get().requestedBackend ?? undefined, onProgress });
          if (seq !== loadSeq) return engine.dispose();
          await installEngine(engine, set, get);
        } catch (e) {
          // the model that ran before keeps running
          if (seq === loadSeq) set({ engineStatus: get().engine ? 'ready' : 'error', modelId: get().card?.id ?? null, engineError: message(e) });
        }
      },
      async loadModelIndex() {
        if (!deps.listModels) return;
        try {
          const index = await deps.listModels();
          set({ models: index.models, defaultModel: index.default });
        } catch {
          set({ models: [] });
        }
      },
    };
  };
}
