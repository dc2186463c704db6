/**
 * Which example images a model is offered: those of the first set in the catalogue whose class
 * keys are exactly the model card's (same keys, same order) and whose images have the model's
 * input size. Any other model (another dataset, a user's own model) gets none.
 */
import type { ModelCard } from '../types/card';
import type { Example, ExampleCatalogue, ExampleSetSpec } from '../types/examples';

function fits(set: ExampleSetSpec, card: Pick<ModelCard, 'classes' | 'preprocessing'>): boolean {
  const keys = card.classes.map((c) => c.key);
  return set.inputSize === card.preprocessing.inputSize && set.classes.length === keys.length && set.classes.every((k, i) => k === keys[i]);
}

/** The examples for `card`, with URLs resolved against the catalogue's own URL. */
export function examplesForCard(catalogue: ExampleCatalogue, card: Pick<ModelCard, 'classes' | 'preprocessing'>, catalogueUrl: string): Example[] {
  const set = catalogue.sets.find((s) => fits(s, card));
  if (!set) return [];
  return set.images
    .filter((im) => set.classes.includes(im.class))
    .map((im) => ({
      id: `${set.id}/${im.file.replace(/^.*\//, '').replace(/\.[^.]*$/, '')}`,
      url: new URL(im.file, catalogueUrl).href,
      class: im.class,
      dataset: set.dataset,
      split: set.split,
      number: im.number,
    }));
}

/** A catalogue read from the network is checked before use; anything malformed counts as none. */
export function parseCatalogue(json: unknown): ExampleCatalogue {
  const sets = (json as { sets?: unknown })?.sets;
  if (!Array.isArray(sets)) return { sets: [] };
  const ok = (s: ExampleSetSpec) =>
    typeof s?.id === 'string' &&
    typeof s.dataset === 'string' &&
    typeof s.split === 'string' &&
    Number.isInteger(s.inputSize) &&
    Array.isArray(s.classes) &&
    s.classes.every((c) => typeof c === 'string') &&
    Array.isArray(s.images) &&
    s.images.every((im) => typeof im?.file === 'string' && typeof im.class === 'string' && Number.isInteger(im.number));
  return { sets: (sets as ExampleSetSpec[]).filter(ok) };
}
