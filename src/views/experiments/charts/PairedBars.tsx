import { memo, useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';

export interface PairedBarsProps {
  /** two series over the same channels */
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  colourA: string;
  colourB: string;
  /** y domain top (bottom is 0) */
  max: number;
  label: string;
  testid?: string;
  highlight?: number | null;
  tickFormat?: (v: number) => string;
}

const W = 640;
const H = 130;
const M = { l: 34, r: 6, t: 6, b: 16 };

/** Two bars per channel on one shared axis (e.g. sigmoid beside softmax weights). */
export const PairedBars = memo(function PairedBars(p: PairedBarsProps) {
  const n = p.a.length;
  const { x, y, ticks } = useMemo(() => {
    const x = scaleBand<number>().domain(Array.from({ length: n }, (_, i) => i)).range([M.l, W - M.r]).paddingInner(n > 32 ? 0.15 : 0.25);
    const y = scaleLinear().domain([0, p.max || 1]).range([H - M.b, M.t]).nice();
    return { x, y, ticks: y.ticks(3) };
  }, [n, p.max]);
  const bw = x.bandwidth() / 2;
  const fmt = p.tickFormat ?? ((v: number) => String(v));
  const every = n > 32 ? 8 : n > 16 ? 4 : 2;
  return (
    <svg className="ex-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label} data-testid={p.testid}>
      {ticks.map((v) => (
        <g key={v}>
          <line className="ex-grid" x1={M.l} x2={W - M.r} y1={y(v)} y2={y(v)} />
          <text className="ex-tick" x={M.l - 4} y={y(v) + 3} textAnchor="end">
            {fmt(v)}
          </text>
        </g>
      ))}
      {Array.from({ length: n }, (_, c) => (
        <g key={c} className={p.highlight === c ? 'ex-hl' : undefined}>
          <rect x={x(c)} width={bw} y={y(p.a[c]!)} height={Math.max(0.5, y(0) - y(p.a[c]!))} fill={p.colourA} />
          <rect x={x(c)! + bw} width={bw} y={y(p.b[c]!)} height={Math.max(0.5, y(0) - y(p.b[c]!))} fill={p.colourB} />
          {c % every === 0 ? (
            <text className="ex-tick" x={x(c)! + bw} y={H - 4} textAnchor="middle">
              {c}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
});
