/** Horizontal grid lines with their value labels on the left, for the experiments' SVG charts. */
export function YGrid(p: { ticks: number[]; y: (v: number) => number; left: number; right: number }) {
  return (
    <>
      {p.ticks.map((v) => (
        <g key={v}>
          <line className="ex-grid" x1={p.left} x2={p.right} y1={p.y(v)} y2={p.y(v)} />
          <text className="ex-tick" x={p.left - 4} y={p.y(v) + 3} textAnchor="end">
            {v}
          </text>
        </g>
      ))}
    </>
  );
}
