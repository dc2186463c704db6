import { useRef, useState } from 'react';
import { resolveFocus, type LessonFocus } from '../../compute/lesson/sections';
import { pickChannel } from '../../compute/lesson/stepData';
import { initialPlayback, isPlaying, scrub, show } from '../../compute/lesson/steps';
import type { LessonLang } from '../../i18n/lesson';
import type { ModelCard } from '../../types/card';
import type { BlockTaps } from '../../types/forward';
import { FormulaPanel } from './FormulaPanel';
import { LessonPanel } from './LessonPanel';
import { StepAnimation } from './StepAnimation';
import { StepControls } from './StepControls';
import { usePlayback } from './usePlayback';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';
import { useStepKeyboard } from './useStepKeyboard';

/**
 * The lesson components wired together without the app shell (used by lesson-dev.html, and a
 * reference for wiring them into the app): local playback, the keyboard hook, focus handling.
 */
export function LessonDemo({ card, blocks, params }: { card: ModelCard; blocks: (BlockTaps | null)[]; params: URLSearchParams }) {
  const [lang, setLang] = useState<LessonLang>(params.get('lang') === 'ko' ? 'ko' : 'en');
  const view = params.get('view') ?? 'both';
  const reduced = usePrefersReducedMotion() || params.has('reduced');
  const seBlocks = card.architecture.blocks.filter((b) => b.se).map((b) => b.index);
  const [block, setBlock] = useState(() => Number(params.get('block') ?? seBlocks[0] ?? 0));
  const [section, setSection] = useState(() => Number(params.get('section') ?? 0));
  const [channel, setChannel] = useState<number | null>(() => (params.has('channel') ? Number(params.get('channel')) : null));
  const start = params.has('step') ? scrub(show(initialPlayback, Number(params.get('step'))), Number(params.get('progress') ?? 1)) : initialPlayback;
  const [pb, act] = usePlayback(reduced, start);
  const animRef = useRef<HTMLDivElement>(null);
  useStepKeyboard({ prev: act.prev, next: act.next, toggle: act.toggle, first: act.first, last: act.last }, { target: animRef });

  const taps = blocks[block] ?? null;
  const spec = card.architecture.blocks[block];
  const highlight = channel ?? (taps ? pickChannel(taps, 'most-suppressed') : null);

  const applyFocus = (f: LessonFocus) => {
    const r = resolveFocus(f, seBlocks, block, (i) => blocks[i] ?? null);
    if (r.block !== null) setBlock(r.block);
    if (r.step !== null) act.goTo(r.step);
    if (r.channel !== null) setChannel(r.channel);
  };

  const anim =
    taps && spec ? (
      <div ref={animRef} tabIndex={0} className="demo-anim" aria-label="animation">
        <StepAnimation taps={taps} block={spec} step={pb.step} progress={pb.progress} reducedMotion={reduced} lang={lang} highlight={highlight} onStep={act.goTo} onChannel={setChannel} />
        <StepControls
          step={pb.step}
          progress={pb.progress}
          playing={isPlaying(pb) && pb.run === 'all'}
          speed={pb.speed}
          lang={lang}
          onPrev={act.prev}
          onNext={act.next}
          onFirst={act.first}
          onLast={act.last}
          onTogglePlay={act.toggle}
          onSeek={act.seek}
          onSpeed={act.setSpeed}
        />
      </div>
    ) : null;

  return (
    <div className="demo" style={{ fontFamily: 'system-ui, "Noto Sans KR", "Noto Sans CJK KR", sans-serif', padding: 12 }}>
      <div className="demo-bar" style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 8, fontSize: 14 }}>
        <strong>lesson-dev</strong>
        <label>
          block{' '}
          <select value={block} onChange={(e) => setBlock(Number(e.currentTarget.value))} data-testid="demo-block">
            {card.architecture.blocks.map((b) => (
              <option key={b.index} value={b.index}>
                {b.id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setLang(lang === 'en' ? 'ko' : 'en')} data-testid="demo-lang">
          {lang === 'en' ? '한국어' : 'English'}
        </button>
      </div>
      {view === 'anim' ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.75fr) minmax(0, 1fr)', gap: 16 }}>
          {anim}
          <FormulaPanel step={pb.step} lang={lang} taps={taps} channel={highlight} />
        </div>
      ) : view === 'lesson' ? (
        <LessonPanel card={card} taps={taps} allBlocks={blocks} section={section} lang={lang} onSection={setSection} onFocus={applyFocus} />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
          <LessonPanel card={card} taps={taps} allBlocks={blocks} section={section} lang={lang} onSection={setSection} onFocus={applyFocus} />
          <div>
            {anim}
            <FormulaPanel step={pb.step} lang={lang} taps={taps} channel={highlight} />
          </div>
        </div>
      )}
    </div>
  );
}
