import { memo, useEffect, useMemo, useRef } from 'react';
import { scaleBand } from 'd3-scale';
import type { Domain } from '../compute/domain';
import { influenceAt, type Influence } from '../compute/excitationInfluence';
import { handFigure } from '../compute/lesson/workedExample';
import { colourise } from '../compute/chartdata';
import { cssColour, paletteLut } from './scales';
import { drawPixels } from './pixelCanvas';

export interface InfluenceMatrixProps {
  testid: string;
  influence: Influence;
  /** the channel order of the rows and the columns (the inspector's) */
  order: number[];
  /** symmetric around 0: −extent … +extent */
  domain: Domain;
  /** the channel highlighted everywhere: its row and its column are outlined */
  highlight: number | null;
  /** write each value in its cell (small C: the worked example) */
  showValues?: boolean;
  /** a cell's text for the tooltip and for screen readers */
  cellLabel: (c: number, j: number, v: number) => string;
  label: string;
  /** pointer over the cell of gate c (row) and squeezed value z_j (column); null when it leaves */
  onCell?: (cell: { c: number; j: number } | null) => void;
  /** a click on a cell, or Enter on the keyboard's cell */
  onPick?: (cell: { c: number; j: number }) => void;
  /** the cell being read (pointer or keyboard): outlined */
  cursor?: { c: number; j: number } | null;
}

const STEP: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** a small C (the worked example): one rect per cell with its value written in it; one cell = one unit of the viewBox */
const Cells = memo(function Cells({ influence, order, domain, cellLabel }: Pick<InfluenceMatrixProps, 'influence' | 'order' | 'domain' | 'cellLabel'>) {
  const x = useMemo(() => scaleBand<number>().domain(order).range([0, order.length]), [order]);
  return (
    <g>
      {order.map((c) =>
        order.map((j) => {
          const v = influenceAt(influence, c, j);
          return (
            <g key={`${c}-${j}`}>
              <rect x={x(j)} y={x(c)} width={1} height={1} fill={cssColour('diverging', domain, v)} data-testid="influence-cell" data-row={c} data-col={j} data-value={v}>
                <title>{cellLabel(c, j, v)}</title>
              </rect>
              <text x={x(j)! + 0.5} y={x(c)! + 0.56} className="influence-value" fill={Math.abs(v) > 0.6 * domain.hi ? '#fff' : '#1b1f24'}>
                {handFigure(v)}
              </text>
            </g>
          );
        }),
      )}
    </g>
  );
});

/**
 * Without values, one pixel per cell on a canvas under the SVG: at C = 64 that is 4,096 cells,
 * which as SVG rects made a block switch 30–50 ms slower. The values, in the drawn order (row by
 * row), are in `data-values` for whoever reads the matrix without seeing it (the e2e tests).
 */
const CellsCanvas = memo(function CellsCanvas({ influence, order, domain }: Pick<InfluenceMatrixProps, 'influence' | 'order' | 'domain'>) {
  const ref = useRef<HTMLCanvasElement>(null);
  const C = order.length;
  const values = useMemo(() => order.flatMap((c) => order.map((j) => influenceAt(influence, c, j))), [influence, order]);
  useEffect(() => drawPixels(ref.current, colourise(values, domain, paletteLut('diverging')), C, C), [values, domain, C]);
  return <canvas ref={ref} className="influence-canvas" width={C} height={C} data-testid="influence-canvas" data-values={values.map((v) => v.toPrecision(6)).join(' ')} aria-hidden />;
});

/**
 * The C×C matrix ∂s_c/∂z_j as a heatmap: row c is gate s_c, column j is squeezed value z_j,
 * both in the given channel order. d3 places the cells; they are drawn once per matrix (a canvas,
 * or SVG rects with their values for a small C) and only the SVG outlines change on hover.
 */
export const InfluenceMatrix = memo(function InfluenceMatrix(p: InfluenceMatrixProps) {
  const C = p.order.length;
  const pos = useMemo(() => new Map(p.order.map((c, i) => [c, i])), [p.order]);
  const ref = useRef<SVGSVGElement>(null);
  const cellAt = (e: { clientX: number; clientY: number }) => {
    const r = ref.current?.getBoundingClientRect();
    if (!r || !C) return null;
    const col = Math.floor(((e.clientX - r.left) / r.width) * C);
    const row = Math.floor(((e.clientY - r.top) / r.height) * C);
    return row < 0 || col < 0 || row >= C || col >= C ? null : { c: p.order[row]!, j: p.order[col]! };
  };
  const onMove = (e: { clientX: number; clientY: number }) => p.onCell?.(cellAt(e));
  const onClick = (e: { clientX: number; clientY: number }) => {
    const cell = cellAt(e);
    if (cell) p.onPick?.(cell);
  };
  const at = p.highlight === null ? undefined : pos.get(p.highlight);
  // the keyboard walks the cells with the arrows (from the first one), Enter picks the column
  const onKeyDown = (e: { key: string; preventDefault: () => void }) => {
    if (!C || !p.onCell) return;
    const here = p.cursor ? [pos.get(p.cursor.c) ?? 0, pos.get(p.cursor.j) ?? 0] : null;
    if (e.key === 'Enter' && p.cursor) return p.onPick?.(p.cursor);
    const step = STEP[e.key];
    if (!step) return;
    e.preventDefault();
    const [row, col] = here ? [Math.min(C - 1, Math.max(0, here[0]! + step[0])), Math.min(C - 1, Math.max(0, here[1]! + step[1]))] : [0, 0];
    p.onCell({ c: p.order[row]!, j: p.order[col]! });
  };
  const cur = p.cursor ? { row: pos.get(p.cursor.c), col: pos.get(p.cursor.j) } : null;
  return (
    <div className="influence-box">
      {p.showValues ? null : <CellsCanvas influence={p.influence} order={p.order} domain={p.domain} />}
      <svg
        ref={ref}
        className="influence-matrix"
        viewBox={`0 0 ${C} ${C}`}
        data-testid={p.testid}
        data-channels={C}
        data-order={p.order.join(' ')}
        role="img"
        aria-label={p.label}
        tabIndex={p.onCell ? 0 : undefined}
        onPointerMove={onMove}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onBlur={() => p.onCell?.(null)}
        onPointerLeave={() => p.onCell?.(null)}
      >
        {p.showValues ? <Cells influence={p.influence} order={p.order} domain={p.domain} cellLabel={p.cellLabel} /> : null}
        {at !== undefined ? (
          <g className="influence-highlight" data-testid="influence-highlight" data-channel={p.highlight}>
            <rect x={0} y={at} width={C} height={1} />
            <rect x={at} y={0} width={1} height={C} />
          </g>
        ) : null}
        {cur && cur.row !== undefined && cur.col !== undefined ? <rect className="influence-cursor" data-testid="influence-cursor" x={cur.col} y={cur.row} width={1} height={1} /> : null}
      </svg>
    </div>
  );
});
