import { memo } from 'react';
import type { Extent } from '../compute/lesson/stepData';
import { ACCENT, colourOf, type LessonPalette } from './stepColours';
import type { Rect } from './stepLayout';

/** One value per channel as a column of coloured cells (z, e or s), each carrying its number. */
export const StepVectorColumn = memo(function StepVectorColumn(props: {
  name: 'z' | 'e' | 's';
  values: ArrayLike<number>;
  cells: Rect[];
  domain: Extent;
  palette: LessonPalette;
  opacity: number;
  showText: boolean;
  highlight: number | null;
  /** channels whose value was forced by an intervention */
  marked?: boolean[];
  cellTitle: (c: number, v: number) => string;
}) {
  const { name, values, cells, domain, palette, opacity, showText, highlight, marked, cellTitle } = props;
  if (opacity <= 0) return null;
  return (
    <g opacity={opacity} data-testid={`anim-${name}-column`}>
      {cells.map((r, c) => {
        const v = values[c]!;
        const fill = colourOf(palette, domain, v);
        return (
          <g key={c} data-testid={`anim-${name}`} data-channel={c} data-value={v}>
            <title>{cellTitle(c, v)}</title>
            <rect
              x={r.x}
              y={r.y}
              width={r.w}
              height={r.h}
              fill={fill}
              stroke={highlight === c ? ACCENT.highlight : marked?.[c] ? ACCENT.softmax : 'none'}
              strokeWidth={highlight === c ? 3 : 2}
              strokeDasharray={marked?.[c] && highlight !== c ? '4 2' : undefined}
            />
            {showText ? (
              <text x={r.x + r.w / 2} y={r.y + r.h / 2 + 5} textAnchor="middle" className="step-cell-text" fill={textOn(fill)}>
                {v.toFixed(2)}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});

/** black or white text, whichever reads better on the fill */
export function textOn(fill: string): string {
  const m = fill.match(/\d+/g);
  let r = 0;
  let g = 0;
  let b = 0;
  if (fill.startsWith('#') && fill.length === 7) {
    r = parseInt(fill.slice(1, 3), 16);
    g = parseInt(fill.slice(3, 5), 16);
    b = parseInt(fill.slice(5, 7), 16);
  } else if (m && m.length >= 3) {
    [r, g, b] = [+m[0]!, +m[1]!, +m[2]!];
  }
  return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? '#111' : '#fff';
}
