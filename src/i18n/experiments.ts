/** Experiments strings in both languages, a formatter with {placeholders} and number formats. Pure. */
import { experimentsEn, type ExperimentsKey } from './experiments.en';
import { experimentsKo } from './experiments.ko';

export type ExLang = 'en' | 'ko';
export type { ExperimentsKey };
export type ExParams = Record<string, string | number>;
export type ExT = (key: ExperimentsKey, params?: ExParams) => string;

export const EXPERIMENTS_RESOURCES: Record<ExLang, Record<ExperimentsKey, string>> = { en: experimentsEn, ko: experimentsKo };

export function exText(lang: ExLang, key: ExperimentsKey, params?: ExParams): string {
  const template = EXPERIMENTS_RESOURCES[lang][key] || EXPERIMENTS_RESOURCES.en[key] || key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function exT(lang: ExLang): ExT {
  return (key, params) => exText(lang, key, params);
}

/** fixed digits with a real minus sign; −0.00 reads 0.00 */
export function fixed(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '–';
  const s = Math.abs(v) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : v.toFixed(digits);
  return s.replace('-', '−');
}

/** a probability 0..1 as a percentage */
export function percent(p: number, digits = 1): string {
  return `${fixed(p * 100, digits)}%`;
}

/** a probability difference in percentage points, always signed */
export function signedPoints(d: number, digits = 1): string {
  const s = fixed(d * 100, digits);
  return s.startsWith('−') || /^0\.0*$/.test(s) ? s : `+${s}`;
}

/** 280958 → "280,958" (same in both languages) */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** 40907264 → "40.9 M" */
export function millions(n: number, digits = 1): string {
  return `${fixed(n / 1e6, digits)} M`;
}
