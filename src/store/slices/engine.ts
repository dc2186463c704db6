/**
 * The engine slice: which model runs (the index of available models, the active one), on which
 * backend, and its loading progress. Switching models keeps the image and runs it again through
 * the session; the old engine is disposed once no pass uses it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Engine } from '../../model/engine';
import { UnknownModelError } from '../../model/catalog';
import type { BackendInfo, BackendName } from '../../model/backend';
import type { ModelCard } from '../../types/card';
import type { ModelSummary } from '../../types/models';
import { firstSeBlock, overrideShape } from '../../compute/cardFacts';
import { fitOverrides } from '../../compute/overridesCodec';
import type { AppState, Deps } from '../store';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';
export type LoadStage = 'backend' | 'model' | 'warmup';

export interface EngineSlice {
  engine: Engine | null;
  card: ModelCard | null;
  engineStatus: EngineStatus;
  progress: { fraction: number; stage: LoadStage };
  backend: BackendInfo | null;
  requestedBackend: BackendName | null;
  engineError: string | null;
  /** why the engine moved to another backend after loading (e.g. the WebGL context was lost) */
  backendNote: string | null;
  /** the models the app can run (null until the index is read) */
  models: ModelSummary[] | null;
  /** the index's default model (links name the model only when it is another one) */
  defaultModel: string | null;
  /** the model asked for (a link's model=, the picker); null: the index's default */
  modelId: string | null;
  /** how many interventions did not fit the model switched to (0: all kept) */
  overridesDropped: number;
  loadModel: (backend?: BackendName | null) => Promise<void>;
  /** runs another model on the current image (overrides fitted to it) */
  switchModel: (id: string) => Promise<void>;
  loadModelIndex: () => Promise<void>;
}

export function createEngineSlice(deps: Deps): StateCreator<AppState, [], [], EngineSlice> {
  return (set, get) => {
    /** the newest load wins; an older one finishing later is disposed */
    let loadSeq = 0;

    /** puts a freshly built engine in place of the old one and runs the current image on it */
    const install = async (engine: Engine) => {
      const old = get().engine;
      const card = engine.card;
      const fitted = fitOverrides(get().exOverrides, overrideShape(card));
      // looked up before the app hears that the model is ready (it may open the first example)
      get().startExamples(card);
      set({
        engine,
        card,
        backend: engine.backend,
        engineStatus: 'ready',
        modelId: card.id,
        exOverrides: fitted.overrides,
        overridesDropped: fitted.dropped,
        selectedBlock: firstSeBlock(card),
        pinned: null,
        hovered: null,
      });
      // the engine rebuilt itself (lost WebGL context): show where it runs now, re-run the image
      engine.onBackendChange((info, reason) => {
        if (get().engine !== engine) return;
        set({ backend: info, backendNote: reason, running: !!get().input });
        void get().rerunImage();
      });
      // a pass of the old engine may still run: dispose it after the queue
      if (old) void get().queue.run(async () => old.dispose());
      await get().inputForModel();
    };

    return {
      engine: null,
      card: null,
      engineStatus: 'idle',
      progress: { fraction: 0, stage: 'backend' },
      backend: null,
      requestedBackend: null,
      engineError: null,
      backendNote: null,
      models: null,
      defaultModel: null,
      modelId: null,
      overridesDropped: 0,

      async loadModel(backend = null) {
        if (get().engineStatus === 'loading') return;
        const seq = ++loadSeq;
        set({ engineStatus: 'loading', engineError: null, requestedBackend: backend, progress: { fraction: 0, stage: 'backend' } });
        try {
          const engine = await deps.createEngine({
            modelsUrl: deps.modelsUrl,
            modelId: get().modelId ?? undefined,
            backend: backend ?? undefined,
            onProgress: (fraction, stage) => set({ progress: { fraction, stage } }),
          });
          if (seq !== loadSeq) return engine.dispose();
          await install(engine);
        } catch (e) {
          if (seq !== loadSeq) return;
          const msg = (e as Error)?.message ?? String(e);
          if (get().modelId && e instanceof UnknownModelError) {
            // a link named a model this app does not have: the default runs (the link notice says so)
            set({ modelId: null, engineStatus: 'idle' });
            return get().loadModel(backend);
          }
          set({ engineStatus: 'error', engineError: msg });
        }
      },

      async switchModel(id) {
        if (id === get().card?.id && get().engineStatus === 'ready') return;
        const seq = ++loadSeq;
        set({ engineStatus: 'loading', engineError: null, modelId: id, progress: { fraction: 0, stage: 'model' } });
        try {
          const engine = await deps.createEngine({
            modelsUrl: deps.modelsUrl,
            modelId: id,
            backend: get().requestedBackend ?? undefined,
            onProgress: (fraction, stage) => set({ progress: { fraction, stage } }),
          });
          if (seq !== loadSeq) return engine.dispose();
          await install(engine);
        } catch (e) {
          if (seq !== loadSeq) return;
          // the model that ran before keeps running
          const card = get().card;
          set({ engineStatus: get().engine ? 'ready' : 'error', modelId: card?.id ?? null, engineError: (e as Error)?.message ?? String(e) });
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
