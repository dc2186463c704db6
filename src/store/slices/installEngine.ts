/**
 * Puts a freshly built engine in place of the old one (the engine slice's `install`): the
 * session runs on it (overrides fitted to it), the view opens its first SE block, the old engine
 * and the twin are disposed after the queued passes, and the current image runs on it.
 */
import type { Engine } from '../../model/engine';
import type { ExcitationStats } from '../../types/card';
import type { AppState } from '../store';
import type { EngineState } from './engine';

type SetEngine = (p: Partial<EngineState>) => void;

/**
 * Disposes `e` after the queued passes that may still use it. A function of its own: were the
 * closure written inside `installEngine`, its scope (and so the old engine) would be kept alive
 * by every other closure of that scope, among them the new engine's backend listener: each model
 * switch then kept all the engines before it, ~2 MB each (issue 24).
 */
export function disposeAfterQueue(get: () => AppState, e: Engine) {
  void get().exclusive(async () => e.dispose());
}

export async function installEngine(engine: Engine, set: SetEngine, get: () => AppState): Promise<void> {
  const card = engine.card;
  // looked up before the app hears that the model is ready (it may open the first example)
  get().startExamples(card);
  if (get().engine) disposeAfterQueue(get, get().engine!);
  const dropped = get().useEngine(engine);
  // before the model is announced ready: start-up then applies a link's block and channel on top
  get().viewForModel(card);
  set({
    card,
    loadingCard: null,
    backend: engine.backend,
    settlingTo: engine.pendingBackend,
    engineStatus: 'ready',
    modelId: card.id,
    overridesDropped: dropped,
    excitationStats: null,
    seWeights: engine.seWeights,
    modelWarning: engine.warning ?? null,
  });
  const statsFile = card.files.excitationStats;
  if (statsFile) {
    engine
      .readJson(statsFile)
      .then((stats) => get().engine === engine && set({ excitationStats: stats as ExcitationStats }))
      .catch(() => {
        /* the panel says the statistics are missing */
      });
  }
  // the engine moved (planned: reason null) or rebuilt itself (lost WebGL context): show where
  // it runs now and run the image there
  engine.onBackendChange((info, reason) => {
    if (get().engine !== engine) return;
    set({ backend: info, ...(reason === null ? {} : { backendNote: reason }) });
    void get()
      .rerunImage()
      .finally(() => get().engine === engine && set({ settlingTo: null }));
  });
  // a pass of the old engine may still run: the twin (made for the old model) goes after the queue
  get().dropTwin();
  await get().inputForModel();
}
