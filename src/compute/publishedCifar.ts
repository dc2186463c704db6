/**
 * Published plain-vs-SE results on CIFAR-10, each with its source, as listed in the project's
 * checked facts (shared/notes/senet-facts.md). Only numbers from that list appear here.
 */

export interface PublishedSource {
  id: 'replication' | 'moskomule' | 'osmr';
  label: string;
  url: string;
}

export const PUBLISHED_SOURCES: Record<PublishedSource['id'], PublishedSource> = {
  replication: { id: 'replication', label: 'ai-huang.github.io, “Replication of SENet”', url: 'https://ai-huang.github.io' },
  moskomule: { id: 'moskomule', label: 'moskomule/senet.pytorch (README)', url: 'https://github.com/moskomule/senet.pytorch' },
  osmr: { id: 'osmr', label: 'osmr/imgclsmob (model store)', url: 'https://github.com/osmr/imgclsmob' },
};

export interface PublishedRow {
  id: string;
  plainModel: string;
  seModel: string;
  metric: 'error' | 'accuracy';
  /** percent; null where the source gives only the difference */
  plain: number | null;
  se: number;
  /** SE better by this many points, as stated by the source (else computed) */
  statedGain?: number;
  source: PublishedSource['id'];
  /** key of a note in the experiments strings */
  note: 'sePaperTable' | 'fiveRuns' | 'maxAccuracy' | 'modelStore';
  /** the paper's own numbers (as tabulated by the source) or a re-implementation */
  fromPaper: boolean;
}

export const PUBLISHED_CIFAR10: PublishedRow[] = [
  { id: 'p110', plainModel: 'ResNet-110', seModel: 'SE-ResNet-110', metric: 'error', plain: null, se: 5.21, statedGain: 1.16, source: 'replication', note: 'sePaperTable', fromPaper: true },
  { id: 'p164', plainModel: 'ResNet-164', seModel: 'SE-ResNet-164', metric: 'error', plain: null, se: 4.39, statedGain: 1.07, source: 'replication', note: 'sePaperTable', fromPaper: true },
  { id: 'r20', plainModel: 'ResNet-20', seModel: 'SE-ResNet-20 (r = 16)', metric: 'accuracy', plain: 91.3, se: 91.7, source: 'replication', note: 'fiveRuns', fromPaper: false },
  { id: 'm20', plainModel: 'ResNet-20', seModel: 'SE-ResNet-20 (r = 4, 8)', metric: 'accuracy', plain: 92, se: 93, source: 'moskomule', note: 'maxAccuracy', fromPaper: false },
  { id: 'o20', plainModel: 'resnet20_cifar10', seModel: 'seresnet20_cifar10', metric: 'error', plain: 5.97, se: 6.01, source: 'osmr', note: 'modelStore', fromPaper: false },
];

/**
 * The plain network's number: as published, or — where the source gives only SE's number and
 * the difference — computed from them (marked `computed`, so the view can say so).
 */
export function publishedPlain(r: Pick<PublishedRow, 'plain' | 'se' | 'statedGain' | 'metric'>): { value: number; computed: boolean } | null {
  if (r.plain !== null) return { value: r.plain, computed: false };
  if (r.statedGain === undefined) return null;
  const value = r.metric === 'error' ? r.se + r.statedGain : r.se - r.statedGain;
  return { value: Math.round(value * 1e6) / 1e6, computed: true };
}

/** SE's advantage in points (positive = SE better), or null when unknown. */
export function publishedGain(r: Pick<PublishedRow, 'plain' | 'se' | 'statedGain' | 'metric'>): number | null {
  if (r.statedGain !== undefined) return r.statedGain;
  if (r.plain === null) return null;
  return r.metric === 'accuracy' ? r.se - r.plain : r.plain - r.se;
}
