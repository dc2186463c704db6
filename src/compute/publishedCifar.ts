/**
 * Published plain-vs-SE results on CIFAR-10, each with its source: the paper's own Table 4
 * (shared/notes/senet-paper-tables.md) and re-implementations from the project's checked facts
 * (shared/notes/senet-facts.md). Only numbers from those two lists appear here.
 */
import { TABLE4_CIFAR10 } from './lesson/paperTables';

export interface PublishedSource {
  id: 'paperTable4' | 'replication' | 'moskomule' | 'osmr';
  label: string;
  url: string;
}

export const PUBLISHED_SOURCES: Record<PublishedSource['id'], PublishedSource> = {
  paperTable4: { id: 'paperTable4', label: 'Hu et al., TPAMI 2019, Table 4', url: 'https://arxiv.org/abs/1709.01507' },
  replication: { id: 'replication', label: 'ai-huang.github.io, “Replication of SENet”', url: 'https://ai-huang.github.io' },
  moskomule: { id: 'moskomule', label: 'moskomule/senet.pytorch (README)', url: 'https://github.com/moskomule/senet.pytorch' },
  osmr: { id: 'osmr', label: 'osmr/imgclsmob (model store)', url: 'https://github.com/osmr/imgclsmob' },
};

export interface PublishedRow {
  id: string;
  plainModel: string;
  seModel: string;
  metric: 'error' | 'accuracy';
  /** percent */
  plain: number;
  se: number;
  source: PublishedSource['id'];
  /** key of a note in the experiments strings */
  note: 'paperTable4' | 'fiveRuns' | 'maxAccuracy' | 'modelStore';
}

/** Re-implementations: each project trained both networks with one recipe of its own. */
export const REIMPLEMENTATIONS_CIFAR10: PublishedRow[] = [
  { id: 'r20', plainModel: 'ResNet-20', seModel: 'SE-ResNet-20 (r = 16)', metric: 'accuracy', plain: 91.3, se: 91.7, source: 'replication', note: 'fiveRuns' },
  { id: 'm20', plainModel: 'ResNet-20', seModel: 'SE-ResNet-20 (r = 4, 8)', metric: 'accuracy', plain: 92, se: 93, source: 'moskomule', note: 'maxAccuracy' },
  { id: 'o20', plainModel: 'resnet20_cifar10', seModel: 'seresnet20_cifar10', metric: 'error', plain: 5.97, se: 6.01, source: 'osmr', note: 'modelStore' },
];

/** The paper's Table 4, row by row, taken from the paper's table itself. */
export const PAPER_CIFAR10: PublishedRow[] = TABLE4_CIFAR10.map((r) => ({
  id: `t4-${r.network}`,
  plainModel: r.network,
  seModel: `SE-${r.network}`,
  metric: 'error',
  plain: r.original,
  se: r.senet,
  source: 'paperTable4',
  note: 'paperTable4',
}));

/** Every published CIFAR-10 comparison: the paper's first, then the re-implementations. */
export const PUBLISHED_CIFAR10: PublishedRow[] = [...PAPER_CIFAR10, ...REIMPLEMENTATIONS_CIFAR10];

/** SE's advantage in points (positive = SE better), rounded off the float noise of a difference. */
export function publishedGain(r: Pick<PublishedRow, 'plain' | 'se' | 'metric'>): number {
  const g = r.metric === 'accuracy' ? r.se - r.plain : r.plain - r.se;
  return Math.round(g * 1e6) / 1e6;
}
