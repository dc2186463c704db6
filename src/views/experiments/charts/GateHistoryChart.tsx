import { memo, useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { GateSeries } from '../../../compute/gateHistory';

export interface GateHistoryChartProps {
  series: GateSeries[];
  /** colour and dash of a block's line (by stage and position in it) */
  style: (block: number) => { colour: string; dash: string };
  threshold: number;
  thresholdLabel: string;
  selected: number | null;
  onSelect?: (block: number) => void;
  axisX: string;
  axisY: string;
  label: string;
}

const W = 440;
const H = 230;
const M = { l: 44, r: 12, t: 10, b: 34 };
/** the log scale needs a floor: an sd of exactly 0 (a dead gate) is drawn on it */
export const SD_FLOOR = 1e-4;

/** One line per SE block: the across-image sd of s at each evaluation, on a log scale. */
export const GateHistoryChart = memo(function GateHistoryChart(p: GateHistoryChartProps) {
  const { x, y } = useMemo(() => {
    const epochs = p.series[0]?.points.map((pt) => pt.epoch) ?? [0, 1];
    const hi = Math.max(0.3, ...p.series.flatMap((s) => s.points.map((pt) => pt.sd)));
    return {
      x: scaleLinear().domain([Math.min(0, epochs[0]!), epochs[epochs.length - 1]!]).range([M.l, W - M.r]).nice(),
      y: scaleLog().domain([SD_FLOOR, hi]).range([H - M.b, M.t]).clamp(true),
    };
  }, [p.series]);
  const yTicks = [1e-4, 1e-3, 1e-2, 1e-1].filter((v) => v <= y.domain()[1]!);
  const path = (s: GateSeries) => s.points.map((pt, i) => `${i ? 'L' : 'M'}${x(pt.epoch)},${y(Math.max(SD_FLOOR, pt.sd))}`).join('');
  // the selected block last, so that its line is on top
  const ordered = [...p.series].sort((a, b) => Number(a.block === p.selected) - Number(b.block === p.selected));
  return (
    <svg className="ex-chart ex-gate-history" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label} data-testid="gate-history">
      {yTicks.map((v) => (
        <g key={v}>
          <line className="ex-grid" x1={M.l} x2={W - M.r} y1={y(v)} y2={y(v)} />
          <text className="ex-tick" x={M.l - 4} y={y(v) + 3} textAnchor="end">
            {v >= 0.01 ? v : v.toExponential(0)}
          </text>
        </g>
      ))}
      {x.ticks(5).map((e) => (
        <text key={e} className="ex-tick" x={x(e)} y={H - M.b + 13} textAnchor="middle">
          {e}
        </text>
      ))}
      <line className="ex-threshold" x1={M.l} x2={W - M.r} y1={y(p.threshold)} y2={y(p.threshold)} />
      <text className="ex-threshold-label" x={W - M.r} y={y(p.threshold) + 11} textAnchor="end">
        {p.thresholdLabel}
      </text>
      <text className="ex-axis" x={(M.l + W - M.r) / 2} y={H - 3} textAnchor="middle">
        {p.axisX}
      </text>
      <text className="ex-axis" transform={`translate(10,${(M.t + H - M.b) / 2}) rotate(-90)`} textAnchor="middle">
        {p.axisY}
      </text>
      {ordered.map((s) => {
        const st = p.style(s.block);
        const sel = s.block === p.selected;
        return (
          <g key={s.block} data-block={s.block} data-fixed-from={s.fixedFrom ?? undefined} onClick={p.onSelect ? () => p.onSelect!(s.block) : undefined} className="ex-gate-line">
            <path d={path(s)} fill="none" stroke={st.colour} strokeWidth={sel ? 3.2 : 1.6} strokeDasharray={st.dash || undefined} opacity={p.selected === null || sel ? 1 : 0.75} />
            {/* a dot per evaluation: a run evaluated once still shows where it stands */}
            {s.points.map((pt) => (
              <circle key={pt.epoch} cx={x(pt.epoch)} cy={y(Math.max(SD_FLOOR, pt.sd))} r={sel ? 3 : 2} fill={st.colour} />
            ))}
            {/* a wide invisible stroke makes the thin line easy to click */}
            <path d={path(s)} fill="none" stroke="transparent" strokeWidth={10} />
          </g>
        );
      })}
    </svg>
  );
});
