import { useMemo } from 'react';
import { lessonT, type LessonLang, type LessonT } from '../../i18n/lesson';

/** The lesson's translate function for a language (stable per language). */
export function useLessonT(lang: LessonLang): LessonT {
  return useMemo(() => lessonT(lang), [lang]);
}
