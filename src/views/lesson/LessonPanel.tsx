import { useRef, type ComponentType, type ReactNode } from 'react';
import { SECTIONS, SECTION_COUNT, clampSection, type LessonFocus, type SectionId } from '../../compute/lesson/sections';
import type { LessonKey, LessonLang } from '../../i18n/lesson';
import type { ModelCard } from '../../types/card';
import type { BlockTaps } from '../../types/forward';
import { ArchitectureSection } from './sections/ArchitectureSection';
import { CostSection } from './sections/CostSection';
import { SummarySection } from './sections/SummarySection';
import { QuizBox } from './QuizBox';
import { ExcitationSection } from './sections/ExcitationSection';
import { InstantiationSection } from './sections/InstantiationSection';
import { ResultsSection } from './sections/ResultsSection';
import { ScaleSection } from './sections/ScaleSection';
import { SqueezeSection } from './sections/SqueezeSection';
import type { SectionProps } from './sections/types';
import { WhySection } from './sections/WhySection';
import { GlossaryBox } from './GlossaryBox';
import { SlideText } from './SlideText';
import { slideText, slideTitle } from '../../i18n/slides';
import './lesson.css';
import { useNamespaceT } from '../useNamespaceT';

const BODIES: Record<SectionId, ComponentType<SectionProps>> = {
  why: WhySection,
  squeeze: SqueezeSection,
  excitation: ExcitationSection,
  scale: ScaleSection,
  instantiation: InstantiationSection,
  architecture: ArchitectureSection,
  cost: CostSection,
  results: ResultsSection,
  summary: SummarySection,
};

const TITLE: Record<SectionId, LessonKey> = {
  why: 'why.title',
  squeeze: 'squeeze.title',
  excitation: 'excite.title',
  scale: 'scale.title',
  instantiation: 'inst.title',
  architecture: 'arch.title',
  cost: 'cost.title',
  results: 'results.title',
  summary: 'sum.title',
};

export interface LessonPanelProps {
  card: ModelCard;
  /** taps of the selected block, null before the first classification */
  taps: BlockTaps | null;
  /** taps of every block (for network-wide summaries); optional */
  allBlocks?: (BlockTaps | null)[];
  section: number;
  lang: LessonLang;
  /** called with the new section index when the learner navigates */
  onSection(n: number): void;
  /**
   * called with the section's declarative focus when the learner navigates to a section or
   * presses "show this in the explorer", and with a narrower focus (a channel) from the
   * section's interactive parts
   */
  onFocus(focus: LessonFocus): void;
  /** per section, a part connected to the app's state that the section places in its body */
  slots?: Partial<Record<SectionId, ReactNode>>;
}

/** The guided lesson: one section at a time, with prev/next, progress and live parts. */
export function LessonPanel({ card, taps, allBlocks = [], section, lang, onSection, onFocus, slots }: LessonPanelProps) {
  const t = useNamespaceT('lesson', lang);
  const k = clampSection(section);
  const def = SECTIONS[k]!;
  const Body = BODIES[def.id];
  const short = slideTitle(def.id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const go = (n: number) => {
    const next = clampSection(n);
    if (next === k) return;
    onSection(next);
    onFocus(SECTIONS[next]!.focus);
    // keep keyboard and screen-reader users at the top of the new section
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  return (
    <section className="lesson-panel" aria-label={t('lesson.title')} data-testid="lesson-panel" lang={lang}>
      <div className="lesson-head">
        <h2>{t('lesson.title')}</h2>
        <nav aria-label={t('lesson.nav')}>
          <ol className="lesson-toc">
            {SECTIONS.map((s, i) => (
              <li key={s.id}>
                <button type="button" aria-current={i === k ? 'true' : undefined} title={t(TITLE[s.id])} aria-label={t(TITLE[s.id])} onClick={() => go(i)} data-testid="lesson-toc">
                  {i + 1}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <div
        className="lesson-progress"
        role="progressbar"
        aria-label={t('lesson.title')}
        aria-valuemin={1}
        aria-valuemax={SECTION_COUNT}
        aria-valuenow={k + 1}
        aria-valuetext={t('lesson.progress', { n: k + 1, total: SECTION_COUNT })}
      >
        <div style={{ width: `${((k + 1) / SECTION_COUNT) * 100}%` }} />
      </div>
      <article className="lesson-section" data-testid="lesson-section" data-section={k} data-section-id={def.id} lang={lang}>
        <h3 ref={headingRef} tabIndex={-1}>
          <span className="lesson-muted" style={{ fontSize: 18, marginRight: 8 }}>
            {k + 1}.
          </span>
          <span className="lesson-title-full">{t(TITLE[def.id])}</span>
          {short ? <span className="lesson-title-slide">{slideText(lang, short)}</span> : null}
        </h3>
        {/* presenter mode shows the slide version instead of the full text (lessonApp.css) */}
        <SlideText section={def.id} card={card} lang={lang} />
        <div className="lesson-full">
          <Body card={card} taps={taps} allBlocks={allBlocks} lang={lang} t={t} onFocus={onFocus} slot={slots?.[def.id]} />
          <QuizBox section={def.id} lang={lang} card={card} />
        </div>
      </article>
      <GlossaryBox section={def.id} lang={lang} t={t} />
      <div className="lesson-nav">
        <button type="button" onClick={() => go(k - 1)} disabled={k === 0} data-testid="lesson-prev">
          ← {t('lesson.prev')}
        </button>
        <span className="lesson-muted">{t('lesson.progress', { n: k + 1, total: SECTION_COUNT })}</span>
        {Object.keys(def.focus).length ? (
          <button type="button" className="lesson-button" onClick={() => onFocus(def.focus)} data-testid="lesson-show">
            {t('lesson.show')}
          </button>
        ) : null}
        <button type="button" className="lesson-button primary" onClick={() => go(k + 1)} disabled={k === SECTION_COUNT - 1} data-testid="lesson-next">
          {t('lesson.next')} →
        </button>
      </div>
    </section>
  );
}
