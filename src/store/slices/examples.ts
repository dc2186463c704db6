/** The examples slice: the example images offered for the current model (looked up per card). */
import type { StateCreator } from 'zustand/vanilla';
import type { ModelCard } from '../../types/card';
import type { Example } from '../../types/examples';
import type { AppState, Deps } from '../store';

export interface ExamplesSlice {
  /** the current model's example images; null until they are known */
  examples: Example[] | null;
  /** resolves to the current model's examples once looked up */
  examplesReady: Promise<Example[]>;
  /** looks up the examples of a model (once per card) */
  startExamples: (card: ModelCard) => void;
}

export function createExamplesSlice(deps: Deps): StateCreator<AppState, [], [], ExamplesSlice> {
  return (set, get) => {
    /** the card whose examples were looked up last */
    let examplesOf: ModelCard | null = null;
    return {
      examples: null,
      examplesReady: Promise.resolve([]),
      startExamples(card) {
        // the first model's examples start from its card before its weights arrive (loadingCard)
        if (examplesOf === card) return;
        examplesOf = card;
        const ready = (deps.loadExamples ? deps.loadExamples(card) : Promise.resolve([])).catch(() => [] as Example[]);
        set({ examplesReady: ready });
        void ready.then((examples) => {
          if (get().examplesReady === ready) set({ examples });
        });
      },
    };
  };
}
