/**
 * The models the app can run: public/models/index.json and a summary of each model's card (for
 * the picker). No tfjs here: the store may import it.
 */
import type { ModelCard, ModelIndex } from '../types/card';
import type { ModelSummary } from '../types/models';
import { seBlocks } from '../compute/cardFacts';

/** A model id the index does not list (e.g. from an old or mistyped link). */
export class UnknownModelError extends Error {
  constructor(readonly id: string) {
    super(`unknown model ${id}`);
    this.name = 'UnknownModelError';
  }
}

/** What the picker shows of one card. */
export function summarise(card: ModelCard, origin: ModelSummary['origin']): ModelSummary {
  return {
    id: card.id,
    name: card.name,
    testTop1: card.metrics?.testTop1 ?? null,
    parameters: card.complexity?.params ?? null,
    seBlocks: card.architecture.seBlocks ?? seBlocks(card).length,
    classes: card.classes.length,
    inputSize: card.architecture.inputSize,
    origin,
  };
}

const base = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export async function readIndex(modelsUrl: string, fetchFn: typeof fetch = fetch): Promise<ModelIndex> {
  const res = await fetchFn(`${base(modelsUrl)}index.json`);
  if (!res.ok) throw new Error(`models/index.json: HTTP ${res.status}`);
  return (await res.json()) as ModelIndex;
}

/** Every shipped model with its card's summary; a model whose card cannot be read is left out. */
export async function listShippedModels(modelsUrl: string, fetchFn: typeof fetch = fetch): Promise<{ default: string; models: ModelSummary[] }> {
  const index = await readIndex(modelsUrl, fetchFn);
  const cards = await Promise.all(
    index.models.map(async (m) => {
      try {
        const res = await fetchFn(`${base(modelsUrl)}${m.card}`);
        return res.ok ? summarise((await res.json()) as ModelCard, 'shipped') : null;
      } catch {
        return null;
      }
    }),
  );
  return { default: index.default, models: cards.filter((c): c is ModelSummary => c !== null) };
}
