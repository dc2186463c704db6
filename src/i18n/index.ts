import { en, type MessageKey } from './en';
import { ko } from './ko';
import { fill, type Params } from './format';

export type Lang = 'en' | 'ko';
export type { MessageKey };
export const LANGS: Lang[] = ['en', 'ko'];
export const RESOURCES: Record<Lang, Record<MessageKey, string>> = { en, ko };

/** The first supported language among the browser's preferences (English otherwise). */
export function detectLang(preferred: readonly string[] | undefined): Lang {
  for (const p of preferred ?? []) {
    const base = p.toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** `{name}` placeholders in a message */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(RESOURCES[lang][key] ?? RESOURCES.en[key] ?? key, params);
}
