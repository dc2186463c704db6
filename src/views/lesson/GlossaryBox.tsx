import { GLOSSARY, glossaryFor, type GlossaryEntry } from '../../i18n/glossary';
import type { LessonLang, LessonT } from '../../i18n/lesson';
import { DataTable } from '../DataTable';

function Terms({ entries, lang, t }: { entries: readonly GlossaryEntry[]; lang: LessonLang; t: LessonT }) {
  const koFirst = lang === 'ko';
  return (
    <DataTable className="lesson-glossary-table" columns={koFirst ? [t('glossary.col.ko'), t('glossary.col.en')] : [t('glossary.col.en'), t('glossary.col.ko')]}>
      {entries.map((g) => (
        <tr key={g.id} data-term={g.id}>
          <th scope="row" lang={koFirst ? 'ko' : 'en'}>
            {koFirst ? g.ko : g.en}
          </th>
          <td lang={koFirst ? 'en' : 'ko'}>{koFirst ? g.en : g.ko}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * The lesson's vocabulary box: the Korean ↔ English terms of the current section (from the
 * glossary that glossary.test.ts enforces on every Korean string), and all terms on request.
 */
export function GlossaryBox({ section, lang, t }: { section: string; lang: LessonLang; t: LessonT }) {
  const here = glossaryFor(section);
  return (
    <aside className="lesson-glossary" aria-label={t('glossary.title')} data-testid="lesson-glossary">
      <details open>
        <summary>{t('glossary.title')}</summary>
        {here.length ? <Terms entries={here} lang={lang} t={t} /> : null}
        <details className="lesson-glossary-all">
          <summary>{t('glossary.all', { n: GLOSSARY.length })}</summary>
          <Terms entries={GLOSSARY} lang={lang} t={t} />
        </details>
      </details>
    </aside>
  );
}
