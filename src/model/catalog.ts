/**
 * The models the app can run: public/models/index.json and a summary of each model's card (for
 * the picker). No tfjs here: the store may import it.
 */
import type { ModelCard, ModelIndex } from '../types/card';
import type { ModelSummary } from '../types/models';
import { summarise } from '../compute/cardFacts';
import { readJsonOnce } from './jsonOnce';

/** A model id the index does not list (e.g. from an old or mistyped link). */
export class UnknownModelError extends Error {
  constructor(readonly id: string) {
    super(`unknown model ${id}`);
    this.name = 'UnknownModelError';
  }
}

const base = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export async function readIndex(modelsUrl: string, fetchFn: typeof fetch = fetch): Promise<ModelIndex> {
  return (await readJsonOnce(`${base(modelsUrl)}index.json`, 'index.json', fetchFn)) as ModelIndex;
}

/** Every shipped model with its card's summary; a model whose card cannot be read is left out. */
export async function listShippedModels(modelsUrl: string, fetchFn: typeof fetch = fetch): Promise<{ default: string; models: ModelSummary[] }> {
  const index = await readIndex(modelsUrl, fetchFn);
  const cards = await Promise.all(
    index.models.map(async (m) => {
      try {
        return summarise((await readJsonOnce(`${base(modelsUrl)}${m.card}`, m.card, fetchFn)) as ModelCard, 'shipped');
      } catch {
        return null;
      }
    }),
  );
  return { default: index.default, models: cards.filter((c): c is ModelSummary => c !== null) };
}
