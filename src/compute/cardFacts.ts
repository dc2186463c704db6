/**
 * Facts of a model that follow from its card, derived here once: which blocks carry SE, the
 * override shape, whether the model is a plain ResNet, the class names. Every view, slice and
 * lesson asks these functions instead of filtering `architecture.blocks` itself.
 */
import type { BlockSpec, ClassName, ModelCard } from '../types/card';
import type { OverrideShape } from './overridesCodec';
import type { ModelSummary } from '../types/models';
import { fullName, shortName } from './names';

/** The blocks that carry an SE module, in order. */
export function seBlocks(card: ModelCard | null): BlockSpec[] {
  return card ? card.architecture.blocks.filter((b) => b.se) : [];
}

/** Indices of the SE blocks. */
export function seBlockIndices(card: ModelCard | null): number[] {
  return seBlocks(card).map((b) => b.index);
}

/** A model without any SE block (the plain ResNet twin). */
export function isPlain(card: ModelCard | null): boolean {
  return !!card && (card.architecture.seBlocks ?? seBlocks(card).length) === 0;
}

/** Channel count of every block that accepts overrides (null: no SE, nothing to override). */
export function overrideShape(card: ModelCard): OverrideShape {
  return card.architecture.blocks.map((b) => (b.se ? b.channels : null));
}

/** The block the explorer opens on: the first SE block, else the first block. */
export function firstSeBlock(card: ModelCard): number {
  return Math.max(0, card.architecture.blocks.findIndex((b) => b.se));
}

/**
 * A class's name in the language asked for (its key when the card has no such class), as it can
 * be shown: without control or bidi characters, cut short (names.ts). `classTitle` is the full one.
 */
export function className(card: ModelCard | null, index: number, lang: 'en' | 'ko'): string {
  return shortName(rawClassName(card, index, lang));
}

/** A class's full name, for a tooltip. */
export function classTitle(card: ModelCard | null, index: number, lang: 'en' | 'ko'): string {
  return fullName(rawClassName(card, index, lang));
}

function rawClassName(card: ModelCard | null, index: number, lang: 'en' | 'ko'): string {
  const c: ClassName | undefined = card?.classes[index];
  return c ? (lang === 'ko' ? c.ko : c.en) : String(index);
}

/** The model's name as it can be shown (see className); `fullName(card.name)` for a tooltip. */
export function modelName(card: ModelCard): string {
  return shortName(card.name);
}

/** A class's name from its key (e.g. an example's label); the key itself when the card has no such class. */
export function classNameByKey(card: ModelCard | null, key: string, lang: 'en' | 'ko'): string {
  const i = card ? card.classes.findIndex((c) => c.key === key) : -1;
  return i < 0 ? key : className(card, i, lang);
}

/** What the model picker shows of a card. */
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

/**
 * The shipped model to compare a card with: same input size and classes, the other side of
 * SE (the plain ResNet of an SE model, or the SE model of a plain one); null when there is none.
 */
export function twinOf(card: ModelCard, models: ModelSummary[]): ModelSummary | null {
  const se = !isPlain(card);
  return (
    models.find(
      (m) => m.origin === 'shipped' && m.id !== card.id && m.seBlocks > 0 !== se && m.inputSize === card.architecture.inputSize && m.classes === card.classes.length,
    ) ?? null
  );
}
