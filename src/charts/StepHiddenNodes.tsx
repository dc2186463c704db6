import { memo } from 'react';
import type { Extent, HiddenUnit } from '../compute/lesson/stepData';
import { ACCENT, colourOf } from './stepColours';
import { textOn } from './StepVectorColumn';

/** The C/r hidden units after FC1 + ReLU; units the ReLU clipped to 0 are grey with a cross. */
export const StepHiddenNodes = memo(function StepHiddenNodes(props: {
  units: HiddenUnit[];
  centres: { x: number; y: number; r: number }[];
  domain: Extent;
  opacity: number;
  clippedLabel: string;
  unitTitle: (k: number, v: number) => string;
}) {
  const { units, centres, domain, opacity, clippedLabel, unitTitle } = props;
  if (opacity <= 0) return null;
  return (
    <g opacity={opacity} data-testid="anim-h-column">
      {units.map((u) => {
        const p = centres[u.unit]!;
        const fill = u.clipped ? '#e6e6e6' : colourOf('viridis', domain, u.h);
        const k = p.r * 0.55;
        return (
          <g key={u.unit} data-testid="anim-h" data-unit={u.unit} data-value={u.h} data-clipped={u.clipped ? 'true' : 'false'}>
            <title>{unitTitle(u.unit, u.h)}</title>
            <circle cx={p.x} cy={p.y} r={p.r} fill={fill} stroke={u.clipped ? ACCENT.clipped : '#333'} strokeWidth={1.2} strokeDasharray={u.clipped ? '3 2' : undefined} />
            {u.clipped ? (
              <>
                <path d={`M${p.x - k},${p.y - k}L${p.x + k},${p.y + k}M${p.x - k},${p.y + k}L${p.x + k},${p.y - k}`} stroke={ACCENT.clipped} strokeWidth={2} />
                {p.r >= 12 ? (
                  <text x={p.x} y={p.y + p.r + 17} textAnchor="middle" className="step-clipped-text">
                    0 · {clippedLabel}
                  </text>
                ) : null}
              </>
            ) : p.r >= 14 ? (
              <text x={p.x} y={p.y + 5} textAnchor="middle" className="step-cell-text small" fill={textOn(fill)}>
                {u.h.toFixed(1)}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
