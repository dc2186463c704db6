import { memo, useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Domain } from '../compute/domain';
import { cssColour, type Palette } from './scales';

export interface BarsProps {
  name: string;
  values: Float32Array;
  order: number[];
  domain: Domain;
  palette: Palette;
  highlight: number | null;
  label: string;
  onHover: (c: number | null) => void;
  onPick: (c: number) => void;
}

const W = 640;
const H = 90;

/** Per-channel bars in the chosen order, with a zero baseline for signed values. */
export const Bars = memo(function Bars(p: BarsProps) {
  const { x, y } = useMemo(() => {
    const lo = Math.min(0, p.domain.lo);
    const hi = Math.max(0, p.domain.hi);
    return {
      x: scaleBand<number>().domain(p.order).range([0, W]).paddingInner(p.order.length > 32 ? 0.1 : 0.2),
      y: scaleLinear().domain([lo, hi]).range([H - 2, 2]),
    };
  }, [p.order, p.domain]);
  const zero = y(0);
  return (
    <svg className="bars" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" data-testid={`${p.name}-bars`} role="img" aria-label={p.label} onPointerLeave={() => p.onHover(null)}>
      <line x1={0} x2={W} y1={zero} y2={zero} className="baseline" />
      {p.order.map((c) => {
        const v = p.values[c]!;
        const top = Math.min(y(v), zero);
        return (
          <rect
            key={c}
            data-testid={`${p.name}-bar`}
            data-channel={c}
            className={p.highlight === c ? 'active' : undefined}
            x={x(c)}
            width={x.bandwidth()}
            y={top}
            height={Math.max(1, Math.abs(y(v) - zero))}
            fill={cssColour(p.palette, p.domain, v)}
            onPointerEnter={() => p.onHover(c)}
            onClick={() => p.onPick(c)}
          />
        );
      })}
    </svg>
  );
});
