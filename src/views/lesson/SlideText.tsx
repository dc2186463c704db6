import { useMemo } from 'react';
import { seOverhead } from '../../compute/lesson/layouts';
import { quizNumbers } from '../../compute/lesson/quizNumbers';
import type { Lang } from '../../i18n/index';
import { pct } from '../../i18n/lesson';
import { slideLines, slideText } from '../../i18n/slides';
import type { ModelCard } from '../../types/card';

/** The numbers the slide lines use, from the card and the paper's tables (as the summary's). */
export function slideParams(card: ModelCard): Record<string, string | number> {
  const o = seOverhead(card);
  const plain = card.metrics.baseline?.testTop1;
  return {
    ...quizNumbers(card),
    r: card.architecture.seReduction ?? '—',
    paramsPct: pct(o.paramsOverhead, 1),
    se: pct(card.metrics.testTop1, 2),
    plain: plain == null ? '—' : pct(plain, 2),
  };
}

/**
 * The slide version of a section (presenter mode): two or three short lines saying the same
 * facts as the full text. Always rendered; CSS shows it in presenter mode only, where the full
 * text is hidden.
 */
export function SlideText({ section, card, lang }: { section: string; card: ModelCard; lang: Lang }) {
  const params = useMemo(() => slideParams(card), [card]);
  const lines = slideLines(section);
  if (!lines.length) return null;
  return (
    <ul className="lesson-slide" data-testid="lesson-slide" lang={lang}>
      {lines.map((k) => (
        <li key={k} data-slide-line={k}>
          {slideText(lang, k, params)}
        </li>
      ))}
    </ul>
  );
}
