/**
 * The Results section's numbers. Published figures are data with their source (taken only
 * from the project's checked list); our own figures always come from the model card.
 */
import type { ModelCard } from '../../types/card';
import { PAPER_CITATION } from './paperTables';
import { PUBLISHED_SOURCES, REIMPLEMENTATIONS_CIFAR10, publishedGain, type PublishedRow } from '../publishedCifar';
import { shortName } from '../names';

export interface Source {
  id: string;
  /** short citation shown beside the number */
  label: string;
  url: string;
}

export const SOURCES = {
  paper: { id: 'paper', label: 'Hu, Shen, Albanie, Sun, Wu — arXiv:1709.01507 (abstract)', url: 'https://arxiv.org/abs/1709.01507' },
  paperTables: { id: 'paperTables', label: PAPER_CITATION, url: 'https://arxiv.org/abs/1709.01507' },
  authorsRepo: { id: 'authorsRepo', label: 'hujie-frank/SENet (README)', url: 'https://github.com/hujie-frank/SENet' },
  // the CIFAR-10 sources are those of the one table of published results (../publishedCifar)
  ...PUBLISHED_SOURCES,
} satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** ImageNet-1k single-crop validation error (%) of the authors' retrained models. */
export const AUTHORS_IMAGENET: { model: string; top1: number; top5: number }[] = [
  { model: 'SE-BN-Inception', top1: 23.62, top5: 7.04 },
  { model: 'SE-ResNet-50', top1: 22.37, top5: 6.36 },
  { model: 'SE-ResNet-101', top1: 21.75, top5: 5.72 },
  { model: 'SE-ResNet-152', top1: 21.34, top5: 5.54 },
  { model: 'SE-ResNeXt-50 (32×4d)', top1: 20.97, top5: 5.54 },
  { model: 'SE-ResNeXt-101 (32×4d)', top1: 19.81, top5: 4.96 },
  { model: 'SENet-154', top1: 18.68, top5: 4.47 },
];

/**
 * Plain vs SE on small CIFAR-10 networks like ours, from other projects (each compares the two
 * networks under one recipe); `plain`/`se` in %, metric says which way is better. The paper's
 * own CIFAR numbers are its Table 4 (paperTables), shown as such, not through a replication
 * site; a row that set one project's SE network against another's plain one (two recipes) has
 * no place here.
 */
export interface Comparison {
  id: string;
  dataset: 'CIFAR-10';
  metric: 'accuracy' | 'error';
  plainModel: string;
  seModel: string;
  plain: number;
  se: number;
  source: SourceId;
  /** lesson-string key of a remark on this row */
  remark?: 'fiveRuns' | 'maxAccuracy';
}

/** the lesson's remark on a row of the published table */
const REMARK: Record<PublishedRow['note'], Comparison['remark']> = {
  paperTable4: undefined,
  fiveRuns: 'fiveRuns',
  maxAccuracy: 'maxAccuracy',
  modelStore: undefined,
};

/** The re-implementations among the published CIFAR-10 comparisons (the paper's own rows are Table 4, shown as such). */
export const COMPARISONS: Comparison[] = REIMPLEMENTATIONS_CIFAR10.map((r): Comparison => ({
  id: r.id,
  dataset: 'CIFAR-10',
  metric: r.metric,
  plainModel: r.plainModel,
  seModel: r.seModel,
  plain: r.plain,
  se: r.se,
  source: r.source,
  remark: REMARK[r.note],
}));

/** ILSVRC 2017 classification, from the paper's abstract. */
export const ILSVRC2017 = { top5Error: 2.251, relativeImprovement: 25, source: 'paper' as SourceId };

/** Improvement of SE over plain in points, positive = SE better. */
export const gain = (c: Comparison): number => publishedGain(c);

export type OurStatus = 'final' | 'interim' | 'baseline-missing' | 'baseline-unfinished';

export interface OurResults {
  model: string;
  /** test top-1 accuracy of our SE model, 0..1 */
  se: number;
  /** the plain baseline's, 0..1, or null when it has no number yet */
  plain: number | null;
  plainModel: string | null;
  /** SE minus plain, in accuracy points (0..100 scale), or null */
  gainPoints: number | null;
  seInterim: boolean;
  epochs: number;
  plannedEpochs: number;
  baselineFinished: boolean | null;
  baselineEpochs: number | null;
  testImages: number;
  /** every caveat that applies, most important first */
  caveats: OurStatus[];
}

export function ourResults(card: ModelCard): OurResults {
  const b = card.metrics.baseline;
  const plain = b && typeof b.testTop1 === 'number' && Number.isFinite(b.testTop1) ? b.testTop1 : null;
  const se = card.metrics.testTop1;
  const caveats: OurStatus[] = [];
  if (card.interim || card.training.epochs < card.training.plannedEpochs) caveats.push('interim');
  if (!b) caveats.push('baseline-missing');
  else if (!b.finished || plain === null) caveats.push('baseline-unfinished');
  if (!caveats.length) caveats.push('final');
  return {
    model: shortName(card.name),
    se,
    plain,
    plainModel: b ? b.name : null,
    gainPoints: plain === null ? null : (se - plain) * 100,
    seInterim: caveats.includes('interim'),
    epochs: card.training.epochs,
    plannedEpochs: card.training.plannedEpochs,
    baselineFinished: b ? b.finished : null,
    baselineEpochs: b ? b.epochs : null,
    testImages: card.metrics.testImages,
    caveats,
  };
}
