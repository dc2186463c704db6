import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { classColour, classDash } from '../common';
import { YGrid } from './YGrid';

export interface ClassSeriesChartProps {
  /** [class][channel] mean excitation */
  means: number[][];
  all: number[];
  /** the current image's s in this block, or null */
  current: ArrayLike<number> | null;
  classKeys: string[];
  /** highlighted class, or null */
  focus: number | null;
  highlightChannel?: number | null;
  label: string;
  axisChannel: string;
  axisS: string;
}

const W = 640;
const H = 240;
const M = { l: 40, r: 8, t: 8, b: 30 };

const path = (vals: ArrayLike<number>, x: (i: number) => number, y: (v: number) => number) =>
  Array.from({ length: vals.length }, (_, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(vals[i]!).toFixed(1)}`).join('');

/** Mean excitation per channel: one line per class, the all-class mean and this image on top. */
export const ClassSeriesChart = memo(function ClassSeriesChart(p: ClassSeriesChartProps) {
  const C = p.all.length;
  const { x, y } = useMemo(
    () => ({ x: scaleLinear().domain([0, Math.max(1, C - 1)]).range([M.l, W - M.r]), y: scaleLinear().domain([0, 1]).range([H - M.b, M.t]) }),
    [C],
  );
  const every = C > 32 ? 8 : C > 16 ? 4 : 2;
  return (
    <svg className="ex-chart ex-series" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label}>
      <YGrid ticks={[0, 0.25, 0.5, 0.75, 1]} y={y} left={M.l} right={W - M.r} />
      {Array.from({ length: C }, (_, c) =>
        c % every === 0 || c === C - 1 ? (
          <text key={c} className="ex-tick" x={x(c)} y={H - M.b + 12} textAnchor="middle">
            {c}
          </text>
        ) : null,
      )}
      <text className="ex-axis" x={(M.l + W - M.r) / 2} y={H - 2} textAnchor="middle">
        {p.axisChannel}
      </text>
      <text className="ex-axis" transform={`translate(10 ${(H - M.b + M.t) / 2}) rotate(-90)`} textAnchor="middle">
        {p.axisS}
      </text>
      {p.highlightChannel != null && p.highlightChannel < C ? (
        <rect className="ex-hl-band" x={x(p.highlightChannel) - Math.max(3, (W - M.l - M.r) / C / 2)} width={Math.max(6, (W - M.l - M.r) / C)} y={M.t} height={H - M.b - M.t} />
      ) : null}
      {p.means.map((row, k) => (
        <path
          key={k}
          data-testid="class-series"
          data-class={p.classKeys[k]}
          d={path(row, x, y)}
          fill="none"
          stroke={classColour(k)}
          strokeDasharray={classDash(k) || undefined}
          strokeWidth={p.focus === k ? 3 : 1.4}
          opacity={p.focus === null || p.focus === k ? 0.95 : 0.18}
        />
      ))}
      <path data-testid="all-series" d={path(p.all, x, y)} fill="none" stroke="#222" strokeWidth={3} opacity={p.focus === null ? 0.85 : 0.4} />
      {p.current ? (
        <g data-testid="current-series">
          <path d={path(p.current, x, y)} fill="none" stroke="#000" strokeWidth={1} strokeDasharray="2 2" />
          {Array.from({ length: C }, (_, c) => (
            <circle key={c} cx={x(c)} cy={y(p.current![c]!)} r={C > 32 ? 2.2 : 3} fill="#fff" stroke="#000" strokeWidth={1.2} />
          ))}
        </g>
      ) : null}
    </svg>
  );
});
