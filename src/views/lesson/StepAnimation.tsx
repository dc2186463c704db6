import { useCallback, useMemo } from 'react';
import { gatePoints, hiddenUnits, sigmoidDomain, squeezeCells, stepDomains, type GatePoint } from '../../compute/lesson/stepData';
import { STEP_COUNT, STEP_IDS, type StepId } from '../../compute/lesson/steps';
import { num, type LessonLang, type LessonKey } from '../../i18n/lesson';
import type { BlockSpec } from '../../types/card';
import type { BlockTaps } from '../../types/forward';
import { SigmoidPlot } from '../../charts/SigmoidPlot';
import { ScaleFlyers, SqueezeFlyers } from '../../charts/StepFlyers';
import { StepConnections } from '../../charts/StepConnections';
import { StepHiddenNodes } from '../../charts/StepHiddenNodes';
import { ColourKey } from '../../charts/StepKeys';
import { StepMapGrid } from '../../charts/StepMapGrid';
import { StepVectorColumn } from '../../charts/StepVectorColumn';
import { SCENE, stepGeometry } from '../../charts/stepLayout';
import { sceneState } from './sceneState';
import { StepReadout } from './StepReadout';
import './lesson.css';
import { useNamespaceT } from '../useNamespaceT';

export interface StepAnimationProps {
  taps: BlockTaps;
  block: BlockSpec;
  /** 0 input · 1 squeeze · 2 FC1+ReLU · 3 FC2+sigmoid · 4 scale · 5 add+ReLU */
  step: number;
  /** 0..1 within the step */
  progress: number;
  /** with reduced motion the caller should pass progress 0 or 1 only (the lesson slice does) */
  reducedMotion: boolean;
  lang: LessonLang;
  /** channel to outline and read out (e.g. the lesson's "most suppressed") */
  highlight?: number | null;
  onStep?: (step: number) => void;
  onChannel?: (channel: number) => void;
}

const stepKey = (id: StepId) => `anim.step.${id}` as LessonKey;
const descKey = (id: StepId) => `anim.desc.${id}` as LessonKey;

/** One SE block of the current forward pass, animated step by step with its real numbers. */
export function StepAnimation({ taps, block, step, progress, reducedMotion, lang, highlight = null, onStep, onChannel }: StepAnimationProps) {
  const t = useNamespaceT('lesson', lang);
  const C = taps.shape[2];
  const hidden = taps.h?.length ?? block.se?.hidden ?? 0;
  const geo = useMemo(() => stepGeometry(C, hidden), [C, hidden]);
  const domains = useMemo(() => stepDomains(taps), [taps]);
  const cells = useMemo(() => squeezeCells(taps), [taps]);
  const units = useMemo(() => hiddenUnits(taps), [taps]);
  const points = useMemo(() => gatePoints(taps), [taps]);
  const xDomain = useMemo(() => sigmoidDomain(points), [points]);
  const zCentres = useMemo(() => geo.z.map((r) => ({ x: r.x + r.w, y: r.y + r.h / 2 })), [geo]);
  const eCentres = useMemo(() => geo.e.map((r) => ({ x: r.x, y: r.y + r.h / 2 })), [geo]);
  const hLeft = useMemo(() => geo.h.map((p) => ({ x: p.x - p.r, y: p.y })), [geo]);
  const hRight = useMemo(() => geo.h.map((p) => ({ x: p.x + p.r, y: p.y })), [geo]);
  const marked = useMemo(() => points.map((q) => q.overridden), [points]);
  // stable callbacks, so that the memoised layers skip frames where nothing of theirs changed
  const title = useCallback((c: number, what: string, v: number) => t('anim.channelTitle', { c, what, v: num(v, 3) }), [t]);
  const mapTitle = useCallback((c: number) => t('anim.mapTitle', { c, s: taps.s ? num(taps.s[c]!, 3) : '1' }), [t, taps]);
  const zTitle = useCallback((c: number, v: number) => title(c, 'z', v), [title]);
  const hTitle = useCallback((c: number, v: number) => title(c, 'h', v), [title]);
  const eTitle = useCallback((c: number, v: number) => title(c, 'e', v), [title]);
  const sTitle = useCallback((c: number, v: number) => title(c, 's', v), [title]);
  const pointTitle = useCallback((q: GatePoint) => `${title(q.channel, 'e', q.e)} → s = ${num(q.sModel, 3)}`, [title]);
  const badges = useMemo(() => (taps.s ? { s: taps.s } : null), [taps]);

  const k = Math.min(STEP_COUNT - 1, Math.max(0, Math.round(step)));
  const id = STEP_IDS[k]!;
  const p = Math.min(1, Math.max(0, progress));
  const st = sceneState(k, reducedMotion ? (p > 0 ? 1 : 0) : p);
  const hasSE = !!(taps.z && taps.h && taps.e && taps.s);
  const clipped = units.filter((u) => u.clipped).length;
  const params = { channels: C, size: taps.shape[0], block: block.id, count: taps.shape[0] * taps.shape[1], hidden, clipped };
  // "the ReLU clipped 0 of them" reads wrong: FC1 with nothing clipped has its own sentence
  const desc = hasSE ? t(id === 'fc1' && clipped === 0 ? 'anim.desc.fc1None' : descKey(id), params) : t('anim.noSE', { block: block.id });
  const hl = highlight !== null && highlight >= 0 && highlight < C ? highlight : null;
  const gridLabel = t(st.gridLabel === 'u' ? 'anim.label.u' : st.gridLabel === 'scaled' ? 'anim.label.scaled' : 'anim.label.out');

  return (
    <section
      className="step-anim"
      data-testid="anim-step"
      data-step={k}
      data-step-id={id}
      data-progress={p.toFixed(3)}
      data-block={block.index}
      aria-label={t('anim.title')}
      lang={lang}
    >
      <ol className="step-tabs" role="list">
        {STEP_IDS.map((sid, i) => (
          <li key={sid}>
            <button
              type="button"
              className={i === k ? 'step-tab current' : i < k ? 'step-tab done' : 'step-tab'}
              aria-current={i === k ? 'step' : undefined}
              data-testid="anim-step-tab"
              data-step={i}
              onClick={() => onStep?.(i)}
            >
              <span className="step-tab-n">{i + 1}</span> {t(stepKey(sid))}
            </button>
          </li>
        ))}
      </ol>
      <p className="step-desc" aria-live="polite" data-testid="anim-desc">
        {desc}
      </p>
      <svg
        className="step-scene"
        viewBox={`0 0 ${SCENE.width} ${SCENE.height}`}
        role="img"
        aria-label={t('anim.aria', { block: block.id, n: k + 1, total: STEP_COUNT, step: t(stepKey(id)), desc })}
      >
        <text x={geo.mapArea.x} y={34} className="step-col-label">
          {gridLabel}
        </text>
        {st.residualLabel > 0 ? (
          <text x={geo.mapArea.x + geo.mapArea.w} y={34} textAnchor="end" className="step-col-label accent" opacity={st.residualLabel}>
            {t('anim.label.shortcut')}
          </text>
        ) : null}
        <StepMapGrid
          taps={taps}
          geometry={geo}
          domain={domains.maps}
          layers={{ grid: st.grid, scaled: st.scaledLayer, out: st.outLayer }}
          highlight={hl}
          badges={badges ? { s: badges.s, opacity: st.badges } : null}
          mapTitle={mapTitle}
        />
        {onChannel ? (
          <g className="step-hit">
            {geo.maps.map((r, c) => (
              <rect key={c} x={r.x} y={r.y} width={r.w} height={r.h} fill="transparent" onClick={() => onChannel(c)} />
            ))}
          </g>
        ) : null}
        {hasSE ? (
          <>
            {(['z', 'h', 'e', 's'] as const).map((col) => (
              <text key={col} x={geo.columns[col]} y={34} textAnchor="middle" className="step-col-label" opacity={columnOpacity(col, st)}>
                {t(`anim.label.${col}`)}
              </text>
            ))}
            <SqueezeFlyers t={st.squeeze} maps={geo.maps} cells={geo.z} z={taps.z!} domain={domains.z} />
            <StepVectorColumn
              name="z"
              values={taps.z!}
              cells={geo.z}
              domain={domains.z}
              palette="diverging"
              opacity={st.zColumn}
              showText={geo.cellText}
              highlight={hl}
              cellTitle={zTitle}
            />
            <StepConnections from={zCentres} to={hLeft} opacity={st.fc1Lines} />
            <StepHiddenNodes
              units={units}
              centres={geo.h}
              domain={domains.h}
              opacity={st.hNodes}
              clippedLabel={t('anim.label.clipped')}
              unitTitle={hTitle}
            />
            <StepConnections from={hRight} to={eCentres} opacity={st.fc2Lines} />
            <StepVectorColumn
              name="e"
              values={taps.e!}
              cells={geo.e}
              domain={domains.e}
              palette="diverging"
              opacity={st.eColumn}
              showText={geo.cellText}
              highlight={hl}
              cellTitle={eTitle}
            />
            <StepVectorColumn
              name="s"
              values={taps.s!}
              cells={geo.s}
              domain={{ lo: 0, hi: 1 }}
              palette="cividis"
              opacity={st.sColumn}
              showText={geo.cellText}
              highlight={hl}
              marked={marked}
              cellTitle={sTitle}
            />
            <SigmoidPlot
              points={points}
              xDomain={xDomain}
              rect={geo.plot}
              rise={st.rise}
              opacity={st.plot}
              highlight={hl}
              xLabel={t('anim.label.e')}
              yLabel={t('anim.label.sigmoid')}
              pointTitle={pointTitle}
            />
            <ScaleFlyers t={st.fly < 1 ? st.fly : 0} cells={geo.s} maps={geo.maps} s={taps.s!} showText={geo.cellText} />
          </>
        ) : null}
      </svg>
      <div className="step-keys">
        <ColourKey palette="diverging" domain={domains.maps} label={t('anim.legend.maps')} />
        {hasSE ? (
          <>
            <ColourKey palette="diverging" domain={domains.z} label={t('anim.legend.z')} />
            <ColourKey palette="viridis" domain={domains.h} label="h" />
            <ColourKey palette="diverging" domain={domains.e} label="e" />
            <ColourKey palette="cividis" domain={{ lo: 0, hi: 1 }} label={t('anim.legend.s')} />
          </>
        ) : null}
      </div>
      {hl !== null ? <StepReadout taps={taps} cells={cells} channel={hl} step={k} lang={lang} /> : null}
    </section>
  );
}

function columnOpacity(col: 'z' | 'h' | 'e' | 's', st: ReturnType<typeof sceneState>): number {
  const v = col === 'z' ? st.zColumn : col === 'h' ? st.hNodes : col === 'e' ? st.eColumn : st.sColumn;
  return 0.25 + 0.75 * v;
}
