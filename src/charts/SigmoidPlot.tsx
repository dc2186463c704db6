import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { sigmoidCurve, type Extent, type GatePoint } from '../compute/lesson/stepData';
import { ACCENT, colourOf } from './stepColours';
import type { Rect } from './stepLayout';

/**
 * The curve s = σ(e) with every channel placed on it. `rise` animates the points from the
 * e axis (0) up onto the curve (1).
 */
export const SigmoidPlot = memo(function SigmoidPlot(props: {
  points: GatePoint[];
  xDomain: Extent;
  rect: Rect;
  rise: number;
  opacity: number;
  highlight: number | null;
  xLabel: string;
  yLabel: string;
  pointTitle: (p: GatePoint) => string;
}) {
  const { points, xDomain, rect, rise, opacity, highlight, xLabel, yLabel, pointTitle } = props;
  const x = useMemo(() => scaleLinear().domain([xDomain.lo, xDomain.hi]).range([rect.x, rect.x + rect.w]), [xDomain, rect]);
  const y = useMemo(() => scaleLinear().domain([0, 1]).range([rect.y + rect.h, rect.y]), [rect]);
  const curve = useMemo(
    () => sigmoidCurve(xDomain).map((p, i) => `${i ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(''),
    [xDomain, x, y],
  );
  // every other x tick is 'minor' (counted from 0, so 0 stays): presenter mode shows only the
  // others, at a size readable from the back of a room
  const xTicks = x.ticks(5);
  const zeroTick = Math.max(0, xTicks.indexOf(0));
  // a tick label within half a presenter-size label (35 px: "−10" is ~60 wide) of the left end
  // (the domain can start on one) would run under the y axis's "0": minor too, so presenter
  // mode's large labels leave it out
  const minor = (t: number, i: number) => (i - zeroTick) % 2 !== 0 || (t !== 0 && x(t) - rect.x < 40);
  if (opacity <= 0) return null;
  const hp = highlight === null ? undefined : points[highlight];
  return (
    <g opacity={opacity} data-testid="anim-sigmoid">
      <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} fill="#fafafa" stroke="#c8c8c8" />
      {[0, 0.5, 1].map((t) => (
        <g key={t}>
          <line x1={rect.x} x2={rect.x + rect.w} y1={y(t)} y2={y(t)} stroke="#ddd" />
          <text x={rect.x - 6} y={y(t) + 5} textAnchor="end" className="step-axis step-axis-y">
            {t}
          </text>
        </g>
      ))}
      {xTicks.map((t, i) => (
        <text key={t} x={x(t)} y={rect.y + rect.h + 20} textAnchor="middle" className={minor(t, i) ? 'step-axis step-axis-x step-axis-minor' : 'step-axis step-axis-x'}>
          {String(t).replace('-', '−')}
        </text>
      ))}
      <line x1={x(0)} x2={x(0)} y1={rect.y} y2={rect.y + rect.h} stroke="#ccc" strokeDasharray="3 3" />
      <path d={curve} fill="none" stroke={ACCENT.sigmoid} strokeWidth={3} />
      <text x={rect.x + rect.w / 2} y={rect.y + rect.h + 42} textAnchor="middle" className="step-axis-label step-axis-x">
        {xLabel}
      </text>
      <text x={rect.x} y={rect.y - 12} className="step-axis-label">
        {yLabel}
      </text>
      {points.map((p) => {
        const cy = y(p.sModel * rise);
        const hl = p.channel === highlight;
        return (
          <circle
            key={p.channel}
            data-testid="anim-gate-point"
            data-channel={p.channel}
            data-e={p.e}
            data-s={p.sModel}
            cx={x(Math.max(xDomain.lo, Math.min(xDomain.hi, p.e)))}
            cy={cy}
            r={hl ? 8 : 5}
            fill={colourOf('cividis', { lo: 0, hi: 1 }, p.sModel)}
            stroke={hl ? ACCENT.highlight : '#333'}
            strokeWidth={hl ? 3 : 0.8}
            fillOpacity={0.9}
          >
            <title>{pointTitle(p)}</title>
          </circle>
        );
      })}
      {hp && rise >= 1 ? (
        <g className="step-guide">
          <line x1={x(hp.e)} x2={x(hp.e)} y1={rect.y + rect.h} y2={y(hp.sModel)} stroke="#000" strokeDasharray="4 3" />
          <line x1={rect.x} x2={x(hp.e)} y1={y(hp.sModel)} y2={y(hp.sModel)} stroke="#000" strokeDasharray="4 3" />
        </g>
      ) : null}
    </g>
  );
});
