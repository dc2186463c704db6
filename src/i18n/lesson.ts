/** Lesson strings in both languages and a formatter with {placeholders}. Pure TypeScript. */
import { lessonEn, type LessonKey } from './lesson.en';
import { lessonKo } from './lesson.ko';
import { fixed, grouped, lookup, percent, type Params } from './format';
import type { Lang } from './index';

export type LessonLang = Lang;
export type { LessonKey };
export type LessonParams = Params;
export type LessonT = (key: LessonKey, params?: LessonParams) => string;

export const LESSON_RESOURCES: Record<LessonLang, Record<LessonKey, string>> = { en: lessonEn, ko: lessonKo };

export function lessonText(lang: LessonLang, key: LessonKey, params?: LessonParams): string {
  return lookup(LESSON_RESOURCES, lang, key, params);
}

export function lessonT(lang: LessonLang): LessonT {
  return (key, params) => lessonText(lang, key, params);
}

// the lesson's names for the shared number formats
export { fixed as num, percent as pct, grouped };

export function signed(v: number, digits = 2): string {
  return v > 0 ? `+${fixed(v, digits)}` : fixed(v, digits);
}
