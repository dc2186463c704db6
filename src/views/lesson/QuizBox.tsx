import { useId, useMemo } from 'react';
import { quizNumbers } from '../../compute/lesson/quizNumbers';
import { quizFor, quizT } from '../../i18n/quiz';
import type { LessonLang } from '../../i18n/lesson';
import type { ModelCard } from '../../types/card';

/** Check your understanding: the section's questions, each answer behind a reveal. */
export function QuizBox({ section, lang, card }: { section: string; lang: LessonLang; card: ModelCard }) {
  const t = useMemo(() => quizT(lang), [lang]);
  const numbers = useMemo(() => quizNumbers(card), [card]);
  const heading = useId();
  const questions = quizFor(section);
  if (!questions.length) return null;
  return (
    <aside className="lesson-quiz" aria-labelledby={heading} data-testid="lesson-quiz" data-count={questions.length}>
      <h4 id={heading}>{t('quiz.title')}</h4>
      <ol>
        {questions.map(({ q, a }) => (
          <li key={q} data-question={q}>
            <p>{t(q, numbers)}</p>
            <details>
              <summary>{t('quiz.reveal')}</summary>
              <p data-testid="quiz-answer">{t(a, numbers)}</p>
            </details>
          </li>
        ))}
      </ol>
    </aside>
  );
}
