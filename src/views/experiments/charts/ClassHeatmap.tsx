import { memo } from 'react';
import { cssColour } from '../../../charts/scales';
import type { Domain } from '../../../compute/domain';

export interface ClassHeatmapProps {
  /** rows of per-channel values (classes, then "all" and "this image") */
  rows: { key: string; label: string; values: ArrayLike<number>; separate?: boolean }[];
  domain: Domain;
  label: string;
  highlightChannel?: number | null;
}

const W = 640;
const LABEL = 96;
const ROW = 16;

/** Class × channel heatmap of mean excitation (cividis, legend beside it). */
export const ClassHeatmap = memo(function ClassHeatmap({ rows, domain, label, highlightChannel }: ClassHeatmapProps) {
  const C = rows[0]?.values.length ?? 0;
  const cw = (W - LABEL) / Math.max(1, C);
  let yAt = 0;
  const placed = rows.map((r) => {
    if (r.separate) yAt += 6;
    const y = yAt;
    yAt += ROW;
    return { ...r, y };
  });
  const H = yAt + 14;
  return (
    <svg className="ex-chart ex-heatmap" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="class-heatmap">
      {placed.map((r) => (
        <g key={r.key} data-row={r.key}>
          <text className="ex-tick" x={LABEL - 6} y={r.y + ROW - 4} textAnchor="end">
            {r.label}
          </text>
          {Array.from({ length: C }, (_, c) => (
            <rect key={c} x={LABEL + c * cw} y={r.y} width={cw + 0.3} height={ROW - 1} fill={cssColour('cividis', domain, r.values[c]!)} />
          ))}
        </g>
      ))}
      {highlightChannel != null && highlightChannel < C ? (
        <rect className="ex-hl-box" x={LABEL + highlightChannel * cw} y={0} width={cw} height={yAt} fill="none" />
      ) : null}
      {Array.from({ length: C }, (_, c) =>
        c % (C > 32 ? 8 : 4) === 0 ? (
          <text key={c} className="ex-tick" x={LABEL + (c + 0.5) * cw} y={H - 2} textAnchor="middle">
            {c}
          </text>
        ) : null,
      )}
    </svg>
  );
});
