/** The check-your-understanding strings in both languages, and which questions a section has. Pure. */
import { lookup, type Params } from './format';
import type { Lang } from './index';
import { quizEn, type QuizKey } from './quiz.en';
import { quizKo } from './quiz.ko';

export type { QuizKey };
export type QuizT = (key: QuizKey, params?: Params) => string;

export const QUIZ_RESOURCES: Record<Lang, Record<QuizKey, string>> = { en: quizEn, ko: quizKo };

export function quizT(lang: Lang): QuizT {
  return (key, params) => lookup(QUIZ_RESOURCES, lang, key, params);
}

/** The question/answer key pairs of a lesson section, in order (none for an unknown section). */
export function quizFor(section: string): { q: QuizKey; a: QuizKey }[] {
  const out: { q: QuizKey; a: QuizKey }[] = [];
  for (let n = 1; `${section}.q${n}` in quizEn; n++) out.push({ q: `${section}.q${n}` as QuizKey, a: `${section}.a${n}` as QuizKey });
  return out;
}
