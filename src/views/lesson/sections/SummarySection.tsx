import { useMemo } from 'react';
import { seOverhead } from '../../../compute/lesson/layouts';
import { quizNumbers } from '../../../compute/lesson/quizNumbers';
import { grouped, pct } from '../../../i18n/lesson';
import { quizT, type QuizKey } from '../../../i18n/quiz';
import type { SectionProps } from './types';

const LINES: QuizKey[] = ['summary.problem', 'summary.squeeze', 'summary.excite', 'summary.scale', 'summary.where', 'summary.cost', 'summary.results'];

/** 9 · The whole lesson on one screen (its numbers from the card and the paper's tables). */
export function SummarySection({ card, lang }: SectionProps) {
  const t = useMemo(() => quizT(lang), [lang]);
  const params = useMemo(() => {
    const o = seOverhead(card);
    const plain = card.metrics.baseline?.testTop1;
    return {
      ...quizNumbers(card),
      params: grouped(o.params - o.paramsWithoutSE),
      paramsPct: pct(o.paramsOverhead, 1),
      macsPct: pct(o.macsOverhead, 2),
      se: pct(card.metrics.testTop1, 2),
      plain: plain == null ? '—' : pct(plain, 2),
    };
  }, [card]);
  return (
    <ol className="lesson-summary" data-testid="lesson-summary">
      {LINES.map((k) => (
        <li key={k} data-line={k}>
          {t(k, params)}
        </li>
      ))}
    </ol>
  );
}
