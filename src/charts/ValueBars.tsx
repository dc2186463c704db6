import { memo, useMemo } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Extent } from '../compute/lesson/stepData';
import { ACCENT, colourOf, type LessonPalette } from './stepColours';

/**
 * One bar per channel for a vector (z, s, …), zero line for signed values, optional order,
 * a highlighted channel and each bar carrying its value (data-value) and a title.
 */
export const ValueBars = memo(function ValueBars(props: {
  values: ArrayLike<number>;
  /** display order of channel indices (default: by index) */
  order?: number[];
  domain: Extent;
  palette: LessonPalette;
  highlight?: number | null;
  label: string;
  testid: string;
  width?: number;
  height?: number;
  onPick?: (channel: number) => void;
  barTitle: (channel: number, v: number) => string;
}) {
  const { values, domain, palette, highlight = null, label, testid, width = 560, height = 150, onPick, barTitle } = props;
  const order = useMemo(() => props.order ?? Array.from({ length: values.length }, (_, i) => i), [props.order, values.length]);
  const m = { l: 44, r: 8, t: 8, b: 22 };
  const x = scaleBand<number>().domain(order).range([m.l, width - m.r]).paddingInner(values.length > 40 ? 0.1 : 0.2);
  const y = scaleLinear().domain([Math.min(0, domain.lo), Math.max(0, domain.hi)]).range([height - m.b, m.t]).nice();
  const ticks = y.ticks(3);
  return (
    <svg className="lesson-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid={testid}>
      {ticks.map((tk) => (
        <g key={tk}>
          <line x1={m.l} x2={width - m.r} y1={y(tk)} y2={y(tk)} stroke={tk === 0 ? '#666' : '#e2e2e2'} />
          <text x={m.l - 6} y={y(tk) + 5} textAnchor="end" className="small">
            {String(tk).replace('-', '−')}
          </text>
        </g>
      ))}
      {order.map((c) => {
        const v = values[c]!;
        const y0 = y(0);
        const y1 = y(v);
        const hl = c === highlight;
        return (
          <rect
            key={c}
            data-channel={c}
            data-value={v}
            x={x(c)}
            y={Math.min(y0, y1)}
            width={x.bandwidth()}
            height={Math.max(1, Math.abs(y1 - y0))}
            fill={colourOf(palette, domain, v)}
            stroke={hl ? ACCENT.highlight : '#555'}
            strokeWidth={hl ? 2.5 : 0.4}
            onClick={onPick ? () => onPick(c) : undefined}
            style={onPick ? { cursor: 'pointer' } : undefined}
          >
            <title>{barTitle(c, v)}</title>
          </rect>
        );
      })}
      {order.length <= 32
        ? order.map((c) => (
            <text key={c} x={x(c)! + x.bandwidth() / 2} y={height - 5} textAnchor="middle" className={c === highlight ? 'small bold' : 'small'}>
              {c}
            </text>
          ))
        : null}
      {order.length > 32 && highlight !== null && order.includes(highlight) ? (
        <text x={x(highlight)! + x.bandwidth() / 2} y={height - 4} textAnchor="middle" className="small bold">
          {highlight}
        </text>
      ) : null}
    </svg>
  );
});
