import { useMemo, useState } from 'react';
import type { ExcitationStats, ModelCard } from '../../types/card';
import { depthTrend, distanceToClassMeans } from '../../compute/excitationStats';
import { depthFacts } from '../../compute/depthSummary';
import { FIXED_GATE_SD } from '../../compute/gateLiveness';
import { argmax } from '../../compute/channelRanking';
import { Legend } from '../../charts/Legend';
import { fixed, percent, type ExLang } from '../../i18n/experiments';
import { ClassSeriesChart } from './charts/ClassSeriesChart';
import { ClassHeatmap } from './charts/ClassHeatmap';
import { DepthTrendChart, type DepthSeries } from './charts/DepthTrendChart';
import { DepthStatements } from './DepthStatements';
import { blockLabel, className, classColour, classDash } from './common';
import './experiments.css';
import { useNamespaceT } from '../useNamespaceT';

export interface PerClassAnalysisProps {
  lang: ExLang;
  card: ModelCard;
  /** the exported excitation statistics (card.files.excitationStats), null when absent */
  stats: ExcitationStats | null;
  block: number;
  /** the current image's trained s in this block (before interventions), or null */
  currentS: ArrayLike<number> | null;
  highlightChannel?: number | null;
  onSelectBlock?: (block: number) => void;
}

/** Mean excitation per class in the selected block (lines or heatmap) and the trend over depth. */
export function PerClassAnalysis(p: PerClassAnalysisProps) {
  const t = useNamespaceT('experiments', p.lang);
  const [view, setView] = useState<'lines' | 'heatmap'>('lines');
  const [focus, setFocus] = useState<number | null>(null);
  const id = blockLabel(p.card, p.block);
  const bs = p.stats?.blocks.find((b) => b.block === p.block) ?? null;
  const trend = useMemo(() => (p.stats ? depthTrend(p.stats) : []), [p.stats]);
  const facts = useMemo(() => depthFacts(trend), [trend]);
  const classIndex = useMemo(
    () => (p.stats ? p.stats.classes.map((key) => Math.max(0, p.card.classes.findIndex((c) => c.key === key))) : []),
    [p.stats, p.card],
  );
  const name = (k: number) => className(p.card, classIndex[k] ?? k, p.lang);
  const nearest = useMemo(() => (bs && p.currentS ? argmin(distanceToClassMeans(bs, p.currentS)) : null), [bs, p.currentS]);
  const series: DepthSeries[] = useMemo(
    () => [
      { key: 'classShare', label: t('dt.classShare'), colour: '#0072b2', dash: '', marker: 'circle' },
      { key: 'saturatedFraction', label: t('dt.saturated'), colour: '#d55e00', dash: '6 3', marker: 'square' },
      { key: 'relativeSpread', label: t('dt.spread'), colour: '#009e73', dash: '2 3', marker: 'triangle' },
    ],
    [t],
  );

  if (!p.stats) {
    return (
      <section className="panel ex-panel ex-perclass" aria-labelledby="ex-pc-title">
        <h2 id="ex-pc-title">{t('pc.title')}</h2>
        <p className="hint">{t('pc.noStats')}</p>
      </section>
    );
  }
  const meanAll = bs ? bs.all.mean.reduce((a, v) => a + v, 0) / bs.all.mean.length : 0;
  const heatDomain = bs ? extentOf([...bs.mean.flat(), ...bs.all.mean, ...(p.currentS ? Array.from(p.currentS) : [])]) : { lo: 0, hi: 1 };
  const first = trend[0];
  const last = trend[trend.length - 1];
  const selectedTrend = trend.find((b) => b.block === p.block) ?? null;

  return (
    <section className="panel ex-panel ex-perclass" aria-labelledby="ex-pc-title">
      <div className="row space wrap">
        <h2 id="ex-pc-title">{t('pc.title')}</h2>
        <div className="segmented" role="group" aria-label={t('pc.view')}>
          <span className="seg-label">{t('pc.view')}</span>
          {(['lines', 'heatmap'] as const).map((v) => (
            <button key={v} type="button" className={view === v ? 'on' : undefined} aria-pressed={view === v} onClick={() => setView(v)} data-testid={`pc-view-${v}`}>
              {t(v === 'lines' ? 'pc.view.lines' : 'pc.view.heatmap')}
            </button>
          ))}
        </div>
      </div>
      {!bs ? (
        <p className="hint">{t('ex.noSE', { id })}</p>
      ) : (
        <>
          <p className="hint">{t('pc.intro', { id, images: p.stats.images })}</p>
          {selectedTrend?.fixed ? (
            <p className="notice small" data-testid="pc-fixed">
              {t('pc.fixed', { id, sd: fixed(selectedTrend.gateSd, 4), threshold: fixed(FIXED_GATE_SD, 3) })}
            </p>
          ) : null}
          {view === 'lines' ? (
            <div className="ex-pc-lines">
              <ClassSeriesChart
                means={bs.mean}
                all={bs.all.mean}
                current={p.currentS}
                classKeys={p.stats.classes}
                focus={focus}
                highlightChannel={p.highlightChannel}
                axisChannel={t('pc.axis.channel')}
                axisS={t('pc.axis.s')}
                label={t('pc.aria.lines', { id, k: bs.mean.length, mean: fixed(meanAll), nearest: nearest === null ? '–' : name(nearest) })}
              />
              <div className="ex-legend" role="group" aria-label={t('pc.legend')}>
                <p className="small">{t('pc.legend')}</p>
                <ul>
                  {p.stats.classes.map((key, k) => (
                    <li key={key}>
                      <button type="button" aria-pressed={focus === k} className={focus === k ? 'on' : undefined} onClick={() => setFocus(focus === k ? null : k)} data-testid="class-legend" data-class={key}>
                        <svg width="26" height="10" aria-hidden>
                          <line x1="1" x2="25" y1="5" y2="5" stroke={classColour(k)} strokeWidth="2.5" strokeDasharray={classDash(k) || undefined} />
                        </svg>
                        {name(k)}
                      </button>
                    </li>
                  ))}
                  <li className="ex-legend-fixed">
                    <svg width="26" height="10" aria-hidden>
                      <line x1="1" x2="25" y1="5" y2="5" stroke="#222" strokeWidth="3" />
                    </svg>
                    {t('pc.all')}
                  </li>
                  {p.currentS ? (
                    <li className="ex-legend-fixed">
                      <svg width="26" height="10" aria-hidden>
                        <line x1="1" x2="25" y1="5" y2="5" stroke="#000" strokeWidth="1" strokeDasharray="2 2" />
                        <circle cx="13" cy="5" r="3" fill="#fff" stroke="#000" strokeWidth="1.2" />
                      </svg>
                      {t('pc.current')}
                    </li>
                  ) : null}
                </ul>
              </div>
            </div>
          ) : (
            <div className="ex-pc-heat">
              <ClassHeatmap
                rows={[
                  ...bs.mean.map((values, k) => ({ key: p.stats!.classes[k]!, label: name(k), values })),
                  { key: 'all', label: t('pc.all'), values: bs.all.mean, separate: true },
                  ...(p.currentS ? [{ key: 'current', label: t('pc.current'), values: p.currentS }] : []),
                ]}
                domain={heatDomain}
                highlightChannel={p.highlightChannel}
                label={t('pc.aria.heatmap', { id, k: bs.mean.length, C: bs.channels, lo: fixed(heatDomain.lo), hi: fixed(heatDomain.hi) })}
              />
              <Legend palette="cividis" domain={heatDomain} note={t('pc.axis.s')} />
            </div>
          )}
          {nearest !== null ? <p className="small">{t('pc.nearest', { cls: name(nearest) })}</p> : null}
        </>
      )}

      <div className="ex-depth-grid">
        <div>
          <h3>{t('dt.title')}</h3>
          <DepthTrendChart
            trend={trend}
            series={series}
            blockLabel={(b) => blockLabel(p.card, b)}
            selected={p.block}
            onSelect={p.onSelectBlock}
            axis={t('dt.axis')}
            fixedLabel={t('dt.fixed')}
            label={
              first && last && facts
                ? t('dt.aria', {
                    n: trend.length,
                    first: first.classShare === null ? t('dt.fixed') : fixed(first.classShare),
                    firstId: blockLabel(p.card, first.block),
                    last: last.classShare === null ? t('dt.fixed') : fixed(last.classShare),
                    lastId: blockLabel(p.card, last.block),
                    sat: percent(last.saturatedFraction, 0),
                  })
                : t('dt.title')
            }
          />
          <ul className="ex-depth-key small">
            {series.map((s) => (
              <li key={s.key}>
                <svg width="26" height="10" aria-hidden>
                  <line x1="1" x2="25" y1="5" y2="5" stroke={s.colour} strokeWidth="2" strokeDasharray={s.dash || undefined} />
                </svg>
                {s.label}
              </li>
            ))}
          </ul>
        </div>
        {facts ? <DepthStatements facts={facts} trend={trend} card={p.card} t={t} /> : null}
      </div>
    </section>
  );
}

function argmin(xs: number[]): number {
  return argmax(xs.map((x) => -x));
}

function extentOf(xs: number[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return hi > lo ? { lo, hi } : { lo: Math.max(0, lo - 0.01), hi: hi + 0.01 };
}
