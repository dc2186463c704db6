/** Lesson strings in both languages and a formatter with {placeholders}. Pure TypeScript. */
import { lessonEn, type LessonKey } from './lesson.en';
import { lessonKo } from './lesson.ko';

export type LessonLang = 'en' | 'ko';
export type { LessonKey };
export type LessonParams = Record<string, string | number>;
export type LessonT = (key: LessonKey, params?: LessonParams) => string;

export const LESSON_RESOURCES: Record<LessonLang, Record<LessonKey, string>> = { en: lessonEn, ko: lessonKo };

export function lessonText(lang: LessonLang, key: LessonKey, params?: LessonParams): string {
  const template = LESSON_RESOURCES[lang][key] || LESSON_RESOURCES.en[key] || key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function lessonT(lang: LessonLang): LessonT {
  return (key, params) => lessonText(lang, key, params);
}

/** Number formatting shared by the lesson: fixed digits, a real minus sign. */
export function num(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '–';
  const s = Math.abs(v) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : v.toFixed(digits);
  return s.replace('-', '−');
}

export function pct(v: number, digits = 1): string {
  return `${num(v * 100, digits)}%`;
}

export function signed(v: number, digits = 2): string {
  return v > 0 ? `+${num(v, digits)}` : num(v, digits);
}

/** thousands separators that read the same in both languages */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
