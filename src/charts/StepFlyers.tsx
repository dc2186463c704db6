import { memo } from 'react';
import { phase, lerp } from '../compute/lesson/steps';
import type { Extent } from '../compute/lesson/stepData';
import { colourOf } from './stepColours';
import { centre, lerpRect, type Rect } from './stepLayout';

/** stagger channels so they do not all move at once: channel c's share of the progress */
function staggered(t: number, c: number, n: number, spread = 0.35): number {
  const start = n > 1 ? (spread * c) / (n - 1) : 0;
  return phase(t, start, start + 1 - spread);
}

/** Squeeze: each map shrinks into its z cell, taking the colour of its mean. */
export const SqueezeFlyers = memo(function SqueezeFlyers(props: {
  t: number;
  maps: Rect[];
  cells: Rect[];
  z: ArrayLike<number>;
  domain: Extent;
}) {
  const { t, maps, cells, z, domain } = props;
  if (t <= 0 || t >= 1) return null;
  return (
    <g aria-hidden="true" data-testid="anim-squeeze-flyers">
      {maps.map((m, c) => {
        const k = staggered(t, c, maps.length);
        if (k <= 0 || k >= 1) return null;
        const r = lerpRect(m, cells[c]!, k);
        return <rect key={c} x={r.x} y={r.y} width={r.w} height={r.h} fill={colourOf('diverging', domain, z[c]!)} stroke="#333" strokeWidth={0.8} opacity={lerp(0.5, 1, k)} />;
      })}
    </g>
  );
});

/** Scale: each weight s_c travels from its cell to its channel's map. */
export const ScaleFlyers = memo(function ScaleFlyers(props: {
  t: number;
  cells: Rect[];
  maps: Rect[];
  s: ArrayLike<number>;
  showText: boolean;
}) {
  const { t, cells, maps, s, showText } = props;
  if (t <= 0 || t >= 1) return null;
  return (
    <g aria-hidden="true" data-testid="anim-scale-flyers">
      {cells.map((cell, c) => {
        const k = staggered(t, c, cells.length);
        if (k <= 0 || k >= 1) return null;
        const a = centre(cell);
        const m = maps[c]!;
        const b = { x: m.x + m.w - 20, y: m.y + m.h - 10 };
        const x = lerp(a.x, b.x, k);
        // a gentle arc over the columns
        const y = lerp(a.y, b.y, k) - Math.sin(Math.PI * k) * 60;
        return (
          <g key={c}>
            <circle cx={x} cy={y} r={showText ? 16 : 7} fill={colourOf('cividis', { lo: 0, hi: 1 }, s[c]!)} stroke="#222" />
            {showText ? (
              <text x={x} y={y + 4} textAnchor="middle" className="step-flyer-text">
                {s[c]!.toFixed(2)}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
