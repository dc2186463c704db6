/**
 * Our SE-ResNet against the plain ResNet trained with the same recipe, from the model card
 * only (numbers change while training runs: nothing here is hard-coded). Pure.
 */
import type { ModelCard } from '../types/card';
import { shortName } from './names';

export type BaselineState =
  /** the card names no plain run */
  | 'missing'
  /** a plain run exists but has no test accuracy yet */
  | 'not-evaluated'
  /** it has a number but its run has not finished */
  | 'unfinished'
  | 'finished';

export interface ModelColumn {
  name: string;
  /** test top-1 accuracy 0..1, or null */
  top1: number | null;
  params: number;
  macs: number;
  /** epochs trained so far, null when unknown */
  epochs: number | null;
  plannedEpochs: number | null;
}

export interface SeVsPlainData {
  se: ModelColumn;
  plain: ModelColumn;
  baseline: BaselineState;
  seInterim: boolean;
  /** both runs have a number and were trained equally long */
  comparable: boolean;
  /** SE minus plain in accuracy points, null without both numbers */
  gainPoints: number | null;
  /** extra parameters and multiply-adds of SE, as fractions of the plain network */
  paramOverhead: number;
  macOverhead: number;
  /** recipe keys (other than `se`) whose values differ between the two runs; null without a baseline */
  recipeDiffers: string[] | null;
  /**
   * The SE run's own weight decay of the SE blocks' FC weights, when it differs from every other
   * weight's (`seWeightDecay`, `weightDecay`); null when the SE weights decay like the rest.
   */
  seOnlyDecay: { seWeightDecay: number; weightDecay: number } | null;
  testImages: number;
  /** the seed both runs used when the recipe names one (each accuracy is then a single run) */
  seed: number | null;
}

/**
 * Settings of a run, not of its recipe: how many CPU threads it used (a run may resume with
 * more) and how often and in what batches it was tested. None changes what the network learns;
 * training/export.py's RUN_VARIES skips the same keys.
 */
const RUN_SETTINGS = ['threads', 'eval_every', 'eval_batch_size'];

/**
 * Settings of the SE blocks' own parameters. The plain twin has none of those parameters, so an
 * SE and a plain run that differ only here share a recipe (training/export.py: SE_ONLY).
 */
const SE_ONLY_SETTINGS = ['reduction', 'se_weight_decay'];

/**
 * Recipe keys whose values differ between two runs; `se` (what is compared) is not one, nor,
 * when one run is SE and the other plain, a setting that only SE parameters have.
 */
export function recipeDifferences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of ['se', ...RUN_SETTINGS]) keys.delete(k);
  if (a.se !== b.se) for (const k of SE_ONLY_SETTINGS) keys.delete(k);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** The SE FC weights' own weight decay, when the recipe gives them one unlike the rest. */
export function seOnlyDecay(recipe: Record<string, unknown>): SeVsPlainData['seOnlyDecay'] {
  const se = recipe.se_weight_decay;
  const wd = recipe.weight_decay;
  return typeof se === 'number' && typeof wd === 'number' && se !== wd ? { seWeightDecay: se, weightDecay: wd } : null;
}

export function seVsPlain(card: ModelCard): SeVsPlainData {
  const b = card.metrics.baseline;
  const plainTop1 = b && typeof b.testTop1 === 'number' && Number.isFinite(b.testTop1) ? b.testTop1 : null;
  const baseline: BaselineState = !b ? 'missing' : plainTop1 === null ? 'not-evaluated' : b.finished ? 'finished' : 'unfinished';
  const c = card.complexity;
  const planned = card.training.plannedEpochs;
  const plainPlanned = b && typeof b.config?.epochs === 'number' ? (b.config.epochs as number) : null;
  const se: ModelColumn = {
    name: shortName(card.name),
    top1: card.metrics.testTop1,
    params: c.paramsWithSE,
    macs: c.macsWithSE,
    epochs: card.training.epochs,
    plannedEpochs: planned,
  };
  const plain: ModelColumn = {
    name: shortName(b?.name ?? card.name.replace(/^SE-/, '')),
    top1: plainTop1,
    params: c.paramsWithoutSE,
    macs: c.macsWithoutSE,
    epochs: b ? b.epochs : null,
    plannedEpochs: plainPlanned,
  };
  const comparable = plainTop1 !== null && se.epochs === plain.epochs;
  return {
    se,
    plain,
    baseline,
    seInterim: card.interim,
    comparable,
    gainPoints: plainTop1 !== null ? (card.metrics.testTop1 - plainTop1) * 100 : null,
    paramOverhead: c.paramsWithoutSE > 0 ? c.paramsWithSE / c.paramsWithoutSE - 1 : 0,
    macOverhead: c.macsWithoutSE > 0 ? c.macsWithSE / c.macsWithoutSE - 1 : 0,
    recipeDiffers: b ? recipeDifferences(card.training.recipe, b.config ?? {}) : null,
    seOnlyDecay: seOnlyDecay(card.training.recipe),
    testImages: card.metrics.testImages,
    seed: typeof card.training.recipe.seed === 'number' ? card.training.recipe.seed : null,
  };
}
