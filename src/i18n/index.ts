import type { MessageKey } from './en';
import type { Params } from './format';
import { NAMESPACES, text } from './namespaces';

export type Lang = 'en' | 'ko';
export type { MessageKey };
export const LANGS: Lang[] = ['en', 'ko'];
export const RESOURCES: Record<Lang, Record<MessageKey, string>> = NAMESPACES.app;

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

/** The app's own string `key` in `lang` (the namespace `app`; missing strings: format.ts's `lookup`). */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return text('app', lang, key, params);
}
