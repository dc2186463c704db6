/** Experiments strings in both languages, a formatter with {placeholders} and number formats. Pure. */
import type { ExperimentsKey } from './experiments.en';
import { fixed, grouped, percent, type Params } from './format';
import type { Lang } from './index';
import { namespaceT, text, type NamespaceT } from './namespaces';

export type ExLang = Lang;
export type { ExperimentsKey };
export type ExParams = Params;
export type ExT = NamespaceT<'experiments'>;

export function exText(lang: ExLang, key: ExperimentsKey, params?: ExParams): string {
  return text('experiments', lang, key, params);
}

export function exT(lang: ExLang): ExT {
  return namespaceT('experiments', lang);
}

export { fixed, percent, grouped };

/** a probability difference in percentage points, always signed */
export function signedPoints(d: number, digits = 1): string {
  const s = fixed(d * 100, digits);
  return s.startsWith('−') || /^0\.0*$/.test(s) ? s : `+${s}`;
}

/** 40907264 → "40.9 M" */
export function millions(n: number, digits = 1): string {
  return `${fixed(n / 1e6, digits)} M`;
}
