/**
 * Seed-to-seed spread of SE vs plain from the model card: every run, mean ± sample standard
 * deviation per network, and the SE − plain difference paired by seed. Only finished runs
 * count towards the statistics (an unfinished run's accuracy is still moving). Pure.
 */
import type { ModelCard, RunSummary } from '../types/card';
import { isPlain } from './cardFacts';

export interface Spread {
  /** finished runs with an accuracy */
  n: number;
  /** 0..1, null without runs */
  mean: number | null;
  /** sample standard deviation (n − 1), null below two runs */
  sd: number | null;
}

export interface SeedSpread {
  runs: RunSummary[];
  se: Spread;
  plain: Spread;
  /** SE − plain for seeds where both finished, as accuracy fractions */
  difference: Spread & { seeds: number[] };
  /** seeds per network the comparison is meant to have, null when the card does not say */
  plannedSeeds: number | null;
  /** runs listed that have not finished */
  unfinished: number;
  /** the card predates metrics.runs: runs were reconstructed from testTop1 and the baseline */
  reconstructed: boolean;
}

export function spreadOf(values: number[]): Spread {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, sd: null };
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(ss / (n - 1)) };
}

/** Runs from a card without metrics.runs: the exported run and its baseline, seed from the recipe. */
function reconstructRuns(card: ModelCard): RunSummary[] {
  const seed = typeof card.training.recipe.seed === 'number' ? card.training.recipe.seed : 0;
  const runs: RunSummary[] = [
    {
      run: card.training.run,
      network: isPlain(card) ? 'plain' : 'se',
      seed,
      finished: !card.interim,
      epochs: card.training.epochs,
      plannedEpochs: card.training.plannedEpochs,
      testTop1: card.metrics.testTop1,
      trainingSeconds: card.training.trainingSeconds,
    },
  ];
  const b = card.metrics.baseline;
  if (b) {
    const bSeed = typeof b.config?.seed === 'number' ? (b.config.seed as number) : seed;
    runs.push({
      run: b.run,
      network: 'plain',
      seed: bSeed,
      finished: b.finished,
      epochs: b.epochs,
      plannedEpochs: typeof b.config?.epochs === 'number' ? (b.config.epochs as number) : b.epochs,
      testTop1: typeof b.testTop1 === 'number' ? b.testTop1 : null,
      trainingSeconds: b.trainingSeconds ?? null,
    });
  }
  return runs;
}

const done = (r: RunSummary): r is RunSummary & { testTop1: number } =>
  r.finished && typeof r.testTop1 === 'number' && Number.isFinite(r.testTop1);

export function seedSpread(card: ModelCard): SeedSpread {
  const reconstructed = !card.metrics.runs;
  const runs = card.metrics.runs ?? reconstructRuns(card);
  const finishedSe = runs.filter((r) => r.network === 'se' && done(r)) as (RunSummary & { testTop1: number })[];
  const finishedPlain = runs.filter((r) => r.network === 'plain' && done(r)) as (RunSummary & { testTop1: number })[];
  const plainBySeed = new Map(finishedPlain.map((r) => [r.seed, r.testTop1]));
  const paired = finishedSe.filter((r) => plainBySeed.has(r.seed)).sort((a, b) => a.seed - b.seed);
  const difference = spreadOf(paired.map((r) => r.testTop1 - (plainBySeed.get(r.seed) as number)));
  return {
    runs,
    se: spreadOf(finishedSe.map((r) => r.testTop1)),
    plain: spreadOf(finishedPlain.map((r) => r.testTop1)),
    difference: { ...difference, seeds: paired.map((r) => r.seed) },
    plannedSeeds: card.metrics.plannedSeeds ?? null,
    unfinished: runs.filter((r) => !r.finished).length,
    reconstructed,
  };
}
