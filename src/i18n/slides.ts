/** The slide version of the lesson's sections (presenter mode), in both languages. Pure. */
import type { Params } from './format';
import type { Lang } from './index';
import { text } from './namespaces';
import { slidesEn, type SlideKey } from './slides.en';

export type { SlideKey };

export function slideText(lang: Lang, key: SlideKey, params?: Params): string {
  return text('slides', lang, key, params);
}

/** The line keys of a section's slide, in order (none for an unknown section). */
export function slideLines(section: string): SlideKey[] {
  const out: SlideKey[] = [];
  for (let n = 1; `${section}.${n}` in slidesEn; n++) out.push(`${section}.${n}` as SlideKey);
  return out;
}

/** The title key of a section's slide, or null for an unknown section. */
export function slideTitle(section: string): SlideKey | null {
  const key = `${section}.title`;
  return key in slidesEn ? (key as SlideKey) : null;
}
