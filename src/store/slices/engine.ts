/**
 * The engine slice: which model runs (the index of available models, the active one), on which
 * backend, and its loading progress. Switching models keeps the image and runs it again through
 * the session; the old engine is disposed once no pass uses it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Engine } from '../../model/engine';
import { UnknownModelError } from '../../model/catalog';
import type { BackendInfo, BackendName } from '../../model/backend';
import type { ExcitationStats, ModelCard } from '../../types/card';
import type { ForwardResult } from '../../types/forward';
import type { SEWeights } from '../../types/seWeights';
import { twinOf } from '../../compute/cardFacts';
import type { ModelSummary } from '../../types/models';
import { firstSeBlock, overrideShape } from '../../compute/cardFacts';
import { fitOverrides } from '../../compute/overridesCodec';
import type { AppState, Deps } from '../store';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';
export type LoadStage = 'backend' | 'model' | 'warmup';

export interface EngineSlice {
  engine: Engine | null;
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
  /** moves the engine to the backend it will stay on (after the first result is drawn) */
  settleBackend: () => Promise<void>;
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
  /** a folder of the user's is being checked */
  ownModelChecking: boolean;
  /** why the user's folder was refused (names the file and the problem); the running model stays */
  ownModelError: string | null;
  /**
   * 'same-output': the running model gave the same outputs for two very different check images
   * (e.g. all-zero weights); the prediction panel says its answers mean nothing
   */
  modelWarning: 'same-output' | null;
  /** a loaded model that could not be kept on the device says so here */
  ownModelNotice: string | null;
  /** the running model's twin (the plain ResNet of an SE model, or the other way round), when shipped */
  twinEngine: Engine | null;
  /** the current image through the twin: its card, the image id and every block's taps */
  twin: { card: ModelCard; image: number; result: ForwardResult } | null;
  twinStatus: 'idle' | 'running' | 'error';
  twinError: string | null;
  /** runs the current image through the twin as well (loads it the first time) */
  runTwin: () => Promise<void>;
  /** checks the files of a model exported by training/export.py, keeps it and switches to it */
  loadOwnModel: (files: File[]) => Promise<void>;
  /** forgets one of the user's models (switching to the default one first if it runs) */
  removeOwnModel: (id: string) => Promise<void>;
  loadModel: (backend?: BackendName | null) => Promise<void>;
  /** runs another model on the current image (overrides fitted to it) */
  switchModel: (id: string) => Promise<void>;
  loadModelIndex: () => Promise<void>;
}

export function createEngineSlice(deps: Deps): StateCreator<AppState, [], [], EngineSlice> {
  return (set, get) => {
    /** the newest load wins; an older one finishing later is disposed */
    let loadSeq = 0;

    /**
     * Disposes `e` after the queued passes that may still use it. A function of its own: were the
     * closure written inside `install`, its scope (and so the old engine) would be kept alive by
     * every other closure of that scope, among them the new engine's backend listener: each
     * model switch then kept all the engines before it, ~2 MB each (issue 24).
     */
    const disposeAfterQueue = (e: Engine) => void get().queue.run(async () => e.dispose());

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
        loadingCard: null,
        backend: engine.backend,
        settlingTo: engine.pendingBackend,
        engineStatus: 'ready',
        modelId: card.id,
        exOverrides: fitted.overrides,
        overridesDropped: fitted.dropped,
        selectedBlock: firstSeBlock(card),
        pinned: null,
        hovered: null,
        excitationStats: null,
        seWeights: engine.seWeights,
        modelWarning: engine.warning ?? null,
      });
      const statsFile = card.files.excitationStats;
      if (statsFile) {
        void engine
          .readJson(statsFile)
          .then((stats) => {
            if (get().engine === engine) set({ excitationStats: stats as ExcitationStats });
          })
          .catch(() => {
            /* the panel says the statistics are missing */
          });
      }
      // the engine moved (planned: reason null) or rebuilt itself (lost WebGL context): show where
      // it runs now and run the image there
      engine.onBackendChange((info, reason) => {
        if (get().engine !== engine) return;
        set({ backend: info, running: !!get().input, ...(reason === null ? {} : { backendNote: reason }) });
        void get()
          .rerunImage()
          .finally(() => {
            if (get().engine === engine) set({ settlingTo: null });
          });
      });
      // a pass of the old engine may still run: dispose it (and a twin) after the queue
      if (old) disposeAfterQueue(old);
      const twin = get().twinEngine;
      if (twin) {
        set({ twinEngine: null, twin: null, twinStatus: 'idle', twinError: null });
        disposeAfterQueue(twin);
      }
      await get().inputForModel();
    };

    return {
      engine: null,
      card: null,
      loadingCard: null,
      engineStatus: 'idle',
      progress: { fraction: 0, stage: 'backend' },
      backend: null,
      requestedBackend: null,
      engineError: null,
      backendNote: null,
      settlingTo: null,
      models: null,
      defaultModel: null,
      excitationStats: null,
      seWeights: null,
      twinEngine: null,
      twin: null,
      twinStatus: 'idle',
      twinError: null,
      ownModelChecking: false,
      ownModelError: null,
      ownModelNotice: null,
      modelWarning: null,
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
            // the page's first model answers on wasm first (see settleBackend)
            headStart: !get().engine,
            onProgress: (fraction, stage) => set({ progress: { fraction, stage } }),
            onCard: (card) => {
              if (seq !== loadSeq || get().card) return;
              set({ loadingCard: card });
              get().startExamples(card);
            },
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
          set({ engineStatus: 'error', engineError: msg, loadingCard: null });
        }
      },

      async settleBackend() {
        const engine = get().engine;
        if (!engine?.pendingBackend) return;
        // the job queue waits: a pass asked for meanwhile runs on the new backend
        await get().queue.run(() => engine.settle());
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

      async runTwin() {
        const { card, input, models } = get();
        const other = card && twinOf(card, models ?? []);
        if (!card || !input || !other || get().twinStatus === 'running') return;
        set({ twinStatus: 'running', twinError: null });
        try {
          let engine = get().twinEngine;
          if (!engine || engine.card.id !== other.id) {
            engine = await deps.createEngine({ modelsUrl: deps.modelsUrl, modelId: other.id, backend: get().requestedBackend ?? undefined });
            if (get().card !== card) return engine.dispose(); // the model changed meanwhile
            set({ twinEngine: engine });
          }
          const twinEngine = engine;
          const result = await get().queue.run(() => twinEngine.classify(input.pixels, undefined, 'all'));
          if (get().twinEngine === twinEngine && get().input?.id === input.id) set({ twin: { card: twinEngine.card, image: input.id, result }, twinStatus: 'idle' });
          else set({ twinStatus: 'idle' });
        } catch (e) {
          set({ twinStatus: 'error', twinError: (e as Error)?.message ?? String(e) });
        }
      },

      async loadOwnModel(files) {
        if (!deps.ownModels || get().ownModelChecking) return;
        set({ ownModelChecking: true, ownModelError: null, ownModelNotice: null });
        try {
          const added = await deps.ownModels.add(files);
          set({ ownModelNotice: added.notKept });
          await get().loadModelIndex();
          await get().switchModel(added.summary.id);
        } catch (e) {
          set({ ownModelError: (e as Error)?.message ?? String(e) });
        } finally {
          set({ ownModelChecking: false });
        }
      },

      async removeOwnModel(id) {
        if (!deps.ownModels) return;
        if (get().card?.id === id) {
          const fallback = get().defaultModel ?? get().models?.find((m) => m.origin === 'shipped')?.id;
          if (fallback) await get().switchModel(fallback);
        }
        try {
          await deps.ownModels.remove(id);
        } catch (e) {
          set({ ownModelError: (e as Error)?.message ?? String(e) });
        }
        await get().loadModelIndex();
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
