import { memo } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { ACCENT } from './stepColours';

/**
 * Sigmoid and softmax weights of the same logits as paired bars (blue = sigmoid,
 * vermilion with hatching = softmax, so the pair reads without colour too).
 */
export const GateBars = memo(function GateBars(props: {
  sigmoid: number[];
  softmax: number[];
  labels?: string[];
  label: string;
  testid: string;
  width?: number;
  height?: number;
}) {
  const { sigmoid, softmax, labels, label, testid, width = 520, height = 200 } = props;
  const n = sigmoid.length;
  const m = { l: 40, r: 8, t: n <= 8 ? 24 : 10, b: labels ? 28 : 10 };
  const idx = Array.from({ length: n }, (_, i) => i);
  const x = scaleBand<number>().domain(idx).range([m.l, width - m.r]).paddingInner(n > 20 ? 0.05 : 0.3);
  const inner = scaleBand<'sig' | 'soft'>().domain(['sig', 'soft']).range([0, x.bandwidth()]).paddingInner(n > 20 ? 0 : 0.1);
  const y = scaleLinear().domain([0, 1]).range([height - m.b, m.t]);
  const pid = `hatch-${testid}`;
  return (
    <svg className="lesson-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid={testid}>
      <defs>
        <pattern id={pid} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={ACCENT.softmax} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
        </pattern>
      </defs>
      {[0, 0.5, 1].map((tk) => (
        <g key={tk}>
          <line x1={m.l} x2={width - m.r} y1={y(tk)} y2={y(tk)} stroke={tk === 0 ? '#666' : '#e2e2e2'} strokeDasharray={tk === 0.5 ? '4 3' : undefined} />
          <text x={m.l - 6} y={y(tk) + 5} textAnchor="end" className="small">
            {tk}
          </text>
        </g>
      ))}
      {idx.map((i) => (
        <g key={i} data-testid={`${testid}-pair`} data-index={i} data-sigmoid={sigmoid[i]} data-softmax={softmax[i]}>
          <rect x={x(i)! + inner('sig')!} y={y(sigmoid[i]!)} width={inner.bandwidth()} height={y(0) - y(sigmoid[i]!)} fill={ACCENT.sigmoid}>
            <title>{`σ = ${sigmoid[i]!.toFixed(3)}`}</title>
          </rect>
          <rect x={x(i)! + inner('soft')!} y={y(softmax[i]!)} width={inner.bandwidth()} height={y(0) - y(softmax[i]!)} fill={`url(#${pid})`} stroke={ACCENT.softmax} strokeWidth={0.5}>
            <title>{`softmax = ${softmax[i]!.toFixed(3)}`}</title>
          </rect>
          {n <= 8 ? (
            <>
              <text x={x(i)! + inner('sig')! + inner.bandwidth() / 2} y={y(sigmoid[i]!) - 5} textAnchor="middle" className="small">
                {sigmoid[i]!.toFixed(2)}
              </text>
              <text x={x(i)! + inner('soft')! + inner.bandwidth() / 2} y={y(softmax[i]!) - 5} textAnchor="middle" className="small">
                {softmax[i]!.toFixed(2)}
              </text>
            </>
          ) : null}
          {labels ? (
            <text x={x(i)! + x.bandwidth() / 2} y={height - 8} textAnchor="middle" className="small">
              {labels[i]}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
});
