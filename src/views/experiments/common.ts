/** Small helpers shared by the experiments views: names, labels and colour-blind-safe colours. */
import type { ModelCard } from '../../types/card';

export { className } from '../../compute/cardFacts';

/** "stage2.block3" → "2.3" (the block index + 1 if the id has another form) */
export function blockLabel(card: ModelCard, block: number): string {
  const id = card.architecture.blocks[block]?.id ?? '';
  const m = /stage(\d+)\.block(\d+)/.exec(id);
  return m ? `${m[1]}.${m[2]}` : String(block + 1);
}

/** Okabe–Ito pairs for two-way comparisons (distinguishable with every common colour vision deficiency). */
export const TWO = {
  before: '#8a939c',
  after: '#0072b2',
  up: '#0072b2',
  down: '#d55e00',
  sigmoid: '#0072b2',
  softmax: '#e69f00',
} as const;

/**
 * Ten class colours: Paul Tol's "muted" scheme plus Okabe–Ito orange. Ten hues cannot all be
 * told apart by everyone, so the later five classes also get a dash pattern, the legend names
 * every class and a click highlights one.
 */
export const CLASS_COLOURS = ['#332288', '#88ccee', '#44aa99', '#117733', '#999933', '#ddcc77', '#cc6677', '#882255', '#aa4499', '#e69f00'];
export const CLASS_DASHES = ['', '', '', '', '', '6 3', '6 3', '6 3', '6 3', '6 3'];

export const classColour = (k: number) => CLASS_COLOURS[k % CLASS_COLOURS.length]!;
export const classDash = (k: number) => CLASS_DASHES[k % CLASS_DASHES.length]!;
