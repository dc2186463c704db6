/**
 * The lesson in the app: the guided sections beside the step-through animation of the selected
 * block (the current image's real forward pass) and the formulas. State lives in the store's
 * lesson slice; sections drive the live views (block, step, channel, inspector panel).
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { rgbToRgba, topK } from '../compute/chartdata';
import { SECTIONS, type LessonFocus } from '../compute/lesson/sections';
import { pickChannel } from '../compute/lesson/stepData';
import { isPlaying } from '../compute/lesson/steps';
import { EXAMPLE_BLOCK, EXAMPLE_TAPS } from '../compute/lesson/workedExample';
import { drawSample } from '../input/sample';
import { appStore, shownResult, useAppShallow } from '../store';
import { className } from '../compute/cardFacts';
import { FormulaPanel } from './lesson/FormulaPanel';
import { LessonPanel } from './lesson/LessonPanel';
import { StepAnimation } from './lesson/StepAnimation';
import { StepControls } from './lesson/StepControls';
import { NumbersToggle } from './lesson/NumbersToggle';
import { WorkedExample } from './lesson/WorkedExample';
import { GateInfluence } from './lesson/sections/GateInfluence';
import { keyAction } from './lesson/keyboard';
import { usePrefersReducedMotion } from './lesson/usePrefersReducedMotion';
import { useT } from './useT';
import './lessonApp.css';

const st = () => appStore.getState();
const actions = {
  prev: () => st().playbackDo({ type: 'prev' }),
  next: () => st().playbackDo({ type: 'next' }),
  first: () => st().playbackDo({ type: 'first' }),
  last: () => st().playbackDo({ type: 'last' }),
  toggle: () => st().playbackDo({ type: 'toggle' }),
  goTo: (step: number) => st().playbackDo({ type: 'goTo', step }),
  seek: (position: number) => st().playbackDo({ type: 'seek', position }),
  speed: (speed: number) => st().playbackDo({ type: 'speed', speed }),
  channel: (c: number) => st().setLessonChannel(c),
  numbers: (n: 'image' | 'example') => st().setLessonNumbers(n),
};

/** Advances the store's playback from requestAnimationFrame while something plays. */
function usePlaybackTicker(running: boolean) {
  useEffect(() => {
    if (!running) return;
    let last = performance.now();
    let id = requestAnimationFrame(function frame(now) {
      st().playbackDo({ type: 'tick', dt: Math.min(100, now - last) });
      last = now;
      id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, [running]);
}

/** Is a key press meant for a text field (or something else that handles keys itself)? */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  return t.tagName === 'INPUT' && !['range', 'checkbox', 'button', 'radio'].includes((t as HTMLInputElement).type);
}

/**
 * The lesson's keys on the whole page: ← → steps, Space play/pause, Home/End first/last step,
 * [ ] the previous/next section (and PageUp/PageDown in presenter mode). Keys a focused control
 * used are left alone.
 */
function useLessonKeys(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const page = e.key === 'PageDown' || e.key === 'PageUp';
      if (page || e.key === ']' || e.key === '[') {
        // PageUp/PageDown (what presentation clickers send) only in presenter mode: elsewhere they scroll
        if (typing(e) || (page && !st().presenter)) return;
        e.preventDefault();
        const s = st();
        s.setSection(s.section + (e.key === 'PageDown' || e.key === ']' ? 1 : -1));
        return;
      }
      const t = e.target as HTMLElement | null;
      const action = keyAction({
        key: e.key,
        targetTag: t?.tagName,
        targetEditable: !!t?.isContentEditable,
        targetType: t instanceof HTMLInputElement ? t.type : undefined,
      });
      if (!action) return;
      // radio groups use arrows themselves; a focused summary, link or ARIA button takes Space
      if (t instanceof HTMLInputElement && t.type === 'radio') return;
      if (action === 'toggle' && t && (t.tagName === 'SUMMARY' || t.tagName === 'A' || /^(button|radio|tab|checkbox|switch)$/.test(t.getAttribute('role') ?? ''))) return;
      e.preventDefault();
      actions[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

function MiniInput({ pixels, size }: { pixels: Uint8Array; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) ctx.putImageData(new ImageData(rgbToRgba(pixels) as Uint8ClampedArray<ArrayBuffer>, size, size), 0, 0);
  }, [pixels, size]);
  return <canvas ref={ref} width={size} height={size} className="lesson-input" aria-hidden="true" />;
}

export function LessonView() {
  const t = useT();
  const s = useAppShallow((s) => ({
    card: s.card,
    input: s.input,
    prediction: s.prediction,
    sel: s.selectedBlock,
    section: s.section,
    playback: s.playback,
    channel: s.lessonChannel,
    lang: s.lang,
    presenter: s.presenter,
    reducedMotion: s.reducedMotion,
    numbers: s.numbers,
  }));
  const prefersReduced = usePrefersReducedMotion();
  useEffect(() => st().setReducedMotion(prefersReduced), [prefersReduced]);
  usePlaybackTicker(s.playback.run !== 'off');
  useLessonKeys(true);

  const shown = shownResult(s);
  const blocks = useMemo(() => shown?.blocks ?? [], [shown]);
  const taps = blocks[s.sel] ?? null;
  const spec = s.card?.architecture.blocks[s.sel] ?? null;
  // the animation and the formulas play this image's numbers, or the worked example's
  const example = s.numbers === 'example';
  const animTaps = example ? EXAMPLE_TAPS : taps;
  const animSpec = example ? EXAMPLE_BLOCK : spec;
  const ownChannel = s.channel !== null && animTaps && s.channel < animTaps.shape[2] ? s.channel : null;
  const highlight = ownChannel ?? (animTaps ? pickChannel(animTaps, 'most-suppressed') : null);
  const top = useMemo(() => (shown ? topK(shown.probs, 1)[0] ?? null : null), [shown]);

  // LessonPanel calls onSection and then onFocus with the section's focus: the store's
  // setSection applies that focus already, so the second call is skipped
  const navigating = useRef(false);
  const onSection = useCallback((n: number) => {
    navigating.current = true;
    st().setSection(n);
    queueMicrotask(() => (navigating.current = false));
  }, []);
  const onFocus = useCallback((f: LessonFocus) => {
    if (navigating.current) return;
    st().applyFocus(f);
    // "show this in the explorer": bring the panel into view
    if (f === SECTIONS[st().section]?.focus && f.panel) {
      requestAnimationFrame(() =>
        document.querySelector(`[data-lesson-panel="${f.panel}"]`)?.scrollIntoView({ behavior: st().reducedMotion ? 'auto' : 'smooth', block: 'center' }),
      );
    }
  }, []);

  // the sections do not change while the animation plays: render them only when their inputs do
  const panel = useMemo(
    () =>
      s.card ? (
        <LessonPanel
          card={s.card}
          taps={taps}
          allBlocks={blocks}
          section={s.section}
          lang={s.lang}
          onSection={onSection}
          onFocus={onFocus}
          slots={{ excitation: <GateInfluence card={s.card} taps={taps} lang={s.lang} /> }}
        />
      ) : null,
    [s.card, taps, blocks, s.section, s.lang, onSection, onFocus],
  );

  if (!s.card) return null;
  const card = s.card;
  const name = (i: number) => className(card, i, s.lang);

  return (
    <section className={`lesson-area${s.presenter ? ' presenting' : ''}`} aria-label={t('mode.lesson')} data-testid="lesson-view" lang={s.lang}>
      <div className="lesson-col lesson-col-text">
        {panel}
        <p className="lesson-keys" data-testid="lesson-keys">
          {t('lesson.keys')}
        </p>
      </div>
      <div className="lesson-col lesson-col-stage">
        <div className="stage-head">
          <label className="stage-block">
            {t('lesson.block')}{' '}
            <select value={s.sel} disabled={example} onChange={(e) => st().selectBlock(Number(e.currentTarget.value))} data-testid="lesson-block">
              {card.architecture.blocks.map((b) => (
                <option key={b.index} value={b.index}>
                  {b.se ? b.id : t('lesson.blockNoSe', { id: b.id })}
                </option>
              ))}
            </select>
          </label>
          <NumbersToggle numbers={s.numbers} lang={s.lang} onChange={actions.numbers} />
          {s.input && top ? (
            <p className="stage-pred" data-testid="lesson-top1" data-class={card.classes[top.index]?.key} data-prob={top.value}>
              <MiniInput pixels={s.input.pixels} size={s.input.size} />
              <span className="stage-pred-label">{t('lesson.prediction')}</span>
              <strong>{name(top.index)}</strong>
              <span className="stage-pred-prob">{(top.value * 100).toFixed(1)}%</span>
            </p>
          ) : null}
        </div>
        {animTaps && animSpec ? (
          <div className="stage-anim" data-testid="lesson-stage" data-numbers={s.numbers}>
            <StepAnimation
              taps={animTaps}
              block={animSpec}
              step={s.playback.step}
              progress={s.playback.progress}
              reducedMotion={s.reducedMotion}
              lang={s.lang}
              highlight={highlight}
              onStep={actions.goTo}
              onChannel={actions.channel}
            />
            <div className="stage-controls presenter-chrome">
              <StepControls
                step={s.playback.step}
                progress={s.playback.progress}
                playing={isPlaying(s.playback) && s.playback.run === 'all'}
                speed={s.playback.speed}
                lang={s.lang}
                onPrev={actions.prev}
                onNext={actions.next}
                onFirst={actions.first}
                onLast={actions.last}
                onTogglePlay={actions.toggle}
                onSeek={actions.seek}
                onSpeed={actions.speed}
              />
            </div>
          </div>
        ) : (
          <div className="stage-empty" data-testid="lesson-no-image">
            <p>{s.input ? t('prediction.waiting') : t('lesson.noImage')}</p>
            {!s.input ? (
              <button type="button" className="primary" onClick={() => void st().submitDecoded(drawSample(), 'sample', 'sample')} data-testid="lesson-sample">
                {t('input.sample')}
              </button>
            ) : null}
          </div>
        )}
        {example ? <WorkedExample step={s.playback.step} lang={s.lang} /> : null}
        <FormulaPanel step={s.playback.step} lang={s.lang} taps={animTaps} channel={highlight} example={example} />
      </div>
    </section>
  );
}
