/** How a model was trained, from its card: the recipe in a fixed order and where the epochs ran. Pure. */
import type { ModelCard, TrainingSegment } from '../types/card';

/** recipe keys a reader needs to repeat the run, in reading order (others stay in the card) */
export const RECIPE_KEYS = [
  'epochs', 'batch_size', 'lr', 'warmup_epochs', 'momentum', 'nesterov', 'weight_decay', 'se_weight_decay',
  'label_smoothing', 'crop_padding', 'hflip', 'erase_p', 'erase_area_min', 'erase_area_max',
  'erase_aspect_min', 'seed',
] as const;
export type RecipeKey = (typeof RECIPE_KEYS)[number];

export interface SegmentRow {
  from: number;
  to: number;
  /** 'cpu', 'gpu' or the device name the log gave */
  place: 'cpu' | 'gpu' | string;
  /** wall-clock seconds */
  seconds: number;
  /** a typical epoch: the median epoch's seconds where the card has it, else the mean */
  perEpoch: number;
  /** CPU seconds of the `cpuEpochs` epochs that logged them (null: none did) */
  cpuSeconds: number | null;
  cpuEpochs: number;
}

export interface TrainingSummary {
  recipe: { key: RecipeKey; value: string }[];
  segments: SegmentRow[];
  totalSeconds: number;
}

const place = (device: string) => (device.startsWith('cuda') ? 'gpu' : device === 'cpu' ? 'cpu' : device);

export function segmentRows(segments: TrainingSegment[] | undefined): SegmentRow[] {
  return (segments ?? []).map((g) => ({
    from: g.fromEpoch,
    to: g.toEpoch,
    place: place(g.device),
    seconds: g.seconds,
    perEpoch: g.medianEpochSeconds ?? g.seconds / Math.max(1, g.toEpoch - g.fromEpoch + 1),
    cpuSeconds: g.cpuEpochs ? (g.cpuSeconds ?? null) : null,
    cpuEpochs: g.cpuSeconds != null ? (g.cpuEpochs ?? 0) : 0,
  }));
}

export function trainingSummary(card: ModelCard): TrainingSummary {
  const r = card.training.recipe;
  const recipe = RECIPE_KEYS.filter((k) => r[k] !== undefined).map((key) => ({ key, value: String(r[key]) }));
  return { recipe, segments: segmentRows(card.training.segments), totalSeconds: card.training.trainingSeconds };
}

export interface DurationUnits {
  h: string;
  min: string;
  s: string;
}
const EN_UNITS: DurationUnits = { h: '{n} h', min: '{n} min', s: '{n} s' };

/** 9991 → "2 h 47 min", 641 → "11 min", 42 → "42 s" (units as templates, e.g. Korean '{n}분') */
export function duration(seconds: number, units: DurationUnits = EN_UNITS): string {
  const u = (template: string, n: number) => template.replace('{n}', String(n));
  const s = Math.round(seconds);
  if (s < 60) return u(units.s, s);
  const m = Math.round(s / 60);
  if (m < 60) return u(units.min, m);
  return `${u(units.h, Math.floor(m / 60))} ${u(units.min, m % 60)}`;
}
