/** The twin slice: the current image through the running model's twin (the plain ResNet of an SE model, or the other way round). */
import type { StateCreator } from 'zustand/vanilla';
import type { Engine } from '../../model/engine';
import type { ModelCard } from '../../types/card';
import type { ForwardResult } from '../../types/forward';
import { twinOf } from '../../compute/cardFacts';
import type { AppState, Deps } from '../store';
import { disposeAfterQueue } from './installEngine';

export interface TwinSlice {
  /** the running model's twin, when shipped and asked for once */
  twinEngine: Engine | null;
  /** the current image through the twin: its card, the image id and every block's taps */
  twin: { card: ModelCard; image: number; result: ForwardResult } | null;
  twinStatus: 'idle' | 'running' | 'error';
  twinError: string | null;
  /** runs the current image through the twin as well (loads it the first time) */
  runTwin: () => Promise<void>;
  /** the running model changed: the twin and its result go (disposed after the queued passes) */
  dropTwin: () => void;
}

export function createTwinSlice(deps: Deps): StateCreator<AppState, [], [], TwinSlice> {
  return (set, get) => ({
    twinEngine: null,
    twin: null,
    twinStatus: 'idle',
    twinError: null,
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
        const result = await get().exclusive(() => twinEngine.classify(input.pixels, undefined, 'all'));
        if (get().twinEngine === twinEngine && get().input?.id === input.id) set({ twin: { card: twinEngine.card, image: input.id, result }, twinStatus: 'idle' });
        else set({ twinStatus: 'idle' });
      } catch (e) {
        set({ twinStatus: 'error', twinError: (e as Error)?.message ?? String(e) });
      }
    },
    dropTwin() {
      const twin = get().twinEngine;
      if (!twin) return;
      set({ twinEngine: null, twin: null, twinStatus: 'idle', twinError: null });
      disposeAfterQueue(get, twin);
    },
  });
}
