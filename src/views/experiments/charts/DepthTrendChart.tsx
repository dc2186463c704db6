import { memo, useMemo } from 'react';
import { scaleLinear, scalePoint } from 'd3-scale';
import type { BlockSpecificity } from '../../../compute/excitationStats';
import { YGrid } from './YGrid';

export interface DepthSeries {
  key: 'classShare' | 'saturatedFraction' | 'relativeSpread';
  label: string;
  colour: string;
  dash: string;
  marker: 'circle' | 'square' | 'triangle';
}

export interface DepthTrendChartProps {
  trend: BlockSpecificity[];
  series: DepthSeries[];
  blockLabel: (block: number) => string;
  selected: number | null;
  onSelect?: (block: number) => void;
  label: string;
  axis: string;
  /** written in the column of a block whose gate is fixed (its class figures are not drawn) */
  fixedLabel: string;
}

type Point = { block: number; v: number | null };

/** An SVG path through the points, broken where a value is missing (a fixed block). */
function brokenPath(points: Point[], x: (b: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.v === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.block)},${y(p.v)}`;
    pen = true;
  }
  return d;
}

const W = 420;
const H = 200;
const M = { l: 34, r: 10, t: 10, b: 34 };

function Marker({ kind, x, y, colour }: { kind: DepthSeries['marker']; x: number; y: number; colour: string }) {
  if (kind === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={colour} />;
  if (kind === 'triangle') return <path d={`M${x},${y - 4.5}L${x + 4.5},${y + 3.5}L${x - 4.5},${y + 3.5}Z`} fill={colour} />;
  return <circle cx={x} cy={y} r={3.8} fill={colour} />;
}

/** One point per SE block for each summary, so the trend over depth reads at a glance. */
export const DepthTrendChart = memo(function DepthTrendChart(p: DepthTrendChartProps) {
  const { x, y } = useMemo(() => {
    const hi = Math.max(1, ...p.trend.flatMap((t) => p.series.map((s) => t[s.key] ?? 0)));
    return {
      x: scalePoint<number>().domain(p.trend.map((t) => t.block)).range([M.l + 10, W - M.r - 10]),
      y: scaleLinear().domain([0, hi]).range([H - M.b, M.t]).nice(),
    };
  }, [p.trend, p.series]);
  return (
    <svg className="ex-chart ex-depth" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label} data-testid="depth-trend">
      <YGrid ticks={y.ticks(4)} y={y} left={M.l} right={W - M.r} />
      {p.trend.map((t) => (
        <g
          key={t.block}
          className={`ex-depth-col${p.selected === t.block ? ' selected' : ''}`}
          onClick={p.onSelect ? () => p.onSelect!(t.block) : undefined}
          data-block={t.block}
        >
          <rect x={x(t.block)! - 14} y={M.t} width={28} height={H - M.b - M.t} className="ex-depth-band" />
          {t.fixed ? (
            <text className="ex-depth-fixed" x={x(t.block)} y={M.t + 12} textAnchor="middle" data-testid="depth-fixed">
              {p.fixedLabel}
            </text>
          ) : null}
          <text className="ex-tick" x={x(t.block)} y={H - M.b + 14} textAnchor="middle">
            {p.blockLabel(t.block)}
          </text>
        </g>
      ))}
      <text className="ex-axis" x={(M.l + W - M.r) / 2} y={H - 3} textAnchor="middle">
        {p.axis}
      </text>
      {p.series.map((s) => (
        <g key={s.key} data-series={s.key}>
          <path
            d={brokenPath(p.trend.map((t) => ({ block: t.block, v: t[s.key] })), (b) => x(b)!, y)}
            fill="none"
            stroke={s.colour}
            strokeWidth={2}
            strokeDasharray={s.dash || undefined}
          />
          {p.trend.map((t) => {
            const v = t[s.key];
            return v === null ? null : <Marker key={t.block} kind={s.marker} x={x(t.block)!} y={y(v)} colour={s.colour} />;
          })}
        </g>
      ))}
    </svg>
  );
});
