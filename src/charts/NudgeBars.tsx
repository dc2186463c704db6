import { memo, useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { cssColour } from './scales';

export interface NudgeBarsProps {
  /** the gates of this image */
  before: ArrayLike<number>;
  /** the gates after the nudge */
  after: ArrayLike<number>;
  order: number[];
  highlight: number | null;
  onHover: (c: number | null) => void;
  label: string;
}

const W = 640;
const H = 110;
const GATE = { lo: 0, hi: 1 };

/** Every gate s_c on 0…1 in the channel order: the bar is the nudged s_c, the grey outline this image's. */
export const NudgeBars = memo(function NudgeBars(p: NudgeBarsProps) {
  const { x, y } = useMemo(
    () => ({ x: scaleBand<number>().domain(p.order).range([0, W]).paddingInner(p.order.length > 32 ? 0.1 : 0.2), y: scaleLinear().domain([0, 1]).range([H - 1, 1]) }),
    [p.order],
  );
  return (
    <svg className="nudge-bars" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" data-testid="nudge-bars" role="img" aria-label={p.label} onPointerLeave={() => p.onHover(null)}>
      {p.order.map((c) => {
        const a = p.after[c]!;
        const b = p.before[c]!;
        return (
          <g key={c} onPointerEnter={() => p.onHover(c)}>
            <rect
              x={x(c)}
              width={x.bandwidth()}
              y={y(a)}
              height={Math.max(1, y(0) - y(a))}
              fill={cssColour('cividis', GATE, a)}
              className={p.highlight === c ? 'active' : undefined}
              data-testid="nudge-bar"
              data-channel={c}
              data-value={a}
            />
            <rect className="before" x={x(c)} width={x.bandwidth()} y={y(b)} height={Math.max(1, y(0) - y(b))} />
          </g>
        );
      })}
    </svg>
  );
});
