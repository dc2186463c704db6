/** Lesson strings in both languages and a formatter with {placeholders}. Pure TypeScript. */
import type { LessonKey } from './lesson.en';
import { fixed, grouped, percent, type Params } from './format';
import type { Lang } from './index';
import { namespaceT, text, type NamespaceT } from './namespaces';

export type LessonLang = Lang;
export type { LessonKey };
export type LessonParams = Params;
export type LessonT = NamespaceT<'lesson'>;

export function lessonText(lang: LessonLang, key: LessonKey, params?: LessonParams): string {
  return text('lesson', lang, key, params);
}

export function lessonT(lang: LessonLang): LessonT {
  return namespaceT('lesson', lang);
}

// the lesson's names for the shared number formats
export { fixed as num, percent as pct, grouped };

export function signed(v: number, digits = 2): string {
  return v > 0 ? `+${fixed(v, digits)}` : fixed(v, digits);
}
