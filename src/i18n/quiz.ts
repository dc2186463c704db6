/** The check-your-understanding strings in both languages, and which questions a section has. Pure. */
import type { Lang } from './index';
import { namespaceT, type NamespaceT } from './namespaces';
import { quizEn, type QuizKey } from './quiz.en';

export type { QuizKey };
export type QuizT = NamespaceT<'quiz'>;

export function quizT(lang: Lang): QuizT {
  return namespaceT('quiz', lang);
}

/** The question/answer key pairs of a lesson section, in order (none for an unknown section). */
export function quizFor(section: string): { q: QuizKey; a: QuizKey }[] {
  const out: { q: QuizKey; a: QuizKey }[] = [];
  for (let n = 1; `${section}.q${n}` in quizEn; n++) out.push({ q: `${section}.q${n}` as QuizKey, a: `${section}.a${n}` as QuizKey });
  return out;
}
