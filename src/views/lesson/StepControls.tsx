import { LAST_STEP, SPEEDS, STEP_COUNT, STEP_IDS } from '../../compute/lesson/steps';
import type { LessonKey, LessonLang } from '../../i18n/lesson';
import { useNamespaceT } from '../useNamespaceT';

export interface StepControlsProps {
  step: number;
  progress: number;
  playing: boolean;
  speed: number;
  lang: LessonLang;
  onPrev(): void;
  onNext(): void;
  onFirst(): void;
  onLast(): void;
  onTogglePlay(): void;
  /** overall position 0..STEP_COUNT (see compute/lesson/steps seek) */
  onSeek(position: number): void;
  onSpeed(speed: number): void;
}

/** Play/pause, step back/forward, first/last, a scrub slider over all steps and a speed select. */
export function StepControls(p: StepControlsProps) {
  const t = useNamespaceT('lesson', p.lang);
  const name = t(`anim.step.${STEP_IDS[p.step] ?? 'input'}` as LessonKey);
  const stepText = t('controls.step', { n: p.step + 1, total: STEP_COUNT, name });
  return (
    <div className="step-controls" data-testid="anim-controls" role="group" aria-label={t('anim.title')} lang={p.lang}>
      <button type="button" onClick={p.onFirst} disabled={p.step === 0 && p.progress >= 1} aria-label={t('controls.first')} title={t('controls.first')} data-testid="anim-first">
        ⇤
      </button>
      <button type="button" onClick={p.onPrev} disabled={p.step === 0} aria-label={t('controls.prev')} title={t('controls.prev')} data-testid="anim-prev">
        ←
      </button>
      <button
        type="button"
        className="step-play"
        onClick={p.onTogglePlay}
        aria-label={p.playing ? t('controls.pause') : t('controls.play')}
        aria-pressed={p.playing}
        data-testid="anim-play"
      >
        {p.playing ? '❚❚' : '▶'} <span>{p.playing ? t('controls.pause') : t('controls.play')}</span>
      </button>
      <button type="button" onClick={p.onNext} disabled={p.step === LAST_STEP && p.progress >= 1} aria-label={t('controls.next')} title={t('controls.next')} data-testid="anim-next">
        →
      </button>
      <button type="button" onClick={p.onLast} disabled={p.step === LAST_STEP && p.progress >= 1} aria-label={t('controls.last')} title={t('controls.last')} data-testid="anim-last">
        ⇥
      </button>
      <input
        type="range"
        className="step-scrub"
        min={0}
        max={STEP_COUNT}
        step={0.01}
        value={p.step + p.progress}
        onChange={(e) => p.onSeek(Number(e.currentTarget.value))}
        aria-label={t('controls.position')}
        aria-valuetext={stepText}
        data-testid="anim-scrub"
      />
      <label className="step-speed">
        {t('controls.speed')}{' '}
        <select value={p.speed} onChange={(e) => p.onSpeed(Number(e.currentTarget.value))} data-testid="anim-speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="step-status">
        {stepText}
      </span>
      <span className="step-keys-hint">{t('controls.keys')}</span>
    </div>
  );
}
