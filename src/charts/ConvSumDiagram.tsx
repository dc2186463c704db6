import { memo } from 'react';

const TILE_FILLS = ['#cfe3f1', '#f7dcc1', '#cdeadf', '#e3d3ea'];

/**
 * A standard convolution: the k×k×C filter has one k×k slice per input channel; every
 * slice's products are added into one sum, which becomes one value of one output map.
 */
export const ConvSumDiagram = memo(function ConvSumDiagram(props: { label: string; input: string; filter: string; sum: string; output: string }) {
  const { label, input, filter, sum, output } = props;
  const tile = 50;
  const ys = [34, 92, 150, 236];
  const names = ['1', '2', '3', 'C'];
  const sigma = { x: 330, y: 160 };
  const win = { dx: 14, dy: 12, s: 24 };
  return (
    <svg className="lesson-svg" viewBox="0 0 560 300" role="img" aria-label={label} data-testid="why-diagram">
      <defs>
        <marker id="conv-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10z" fill="#333" />
        </marker>
      </defs>
      <text x={20} y={20} className="small">
        {input}
      </text>
      {ys.map((y, i) => (
        <g key={i}>
          <text x={20} y={y + tile / 2 + 6} className="small">
            {names[i]}
          </text>
          <rect x={40} y={y} width={tile} height={tile} fill={TILE_FILLS[i]} stroke="#555" />
          {/* the 3×3 window of the filter's slice for this channel */}
          <g>
            {[0, 1, 2].map((r) =>
              [0, 1, 2].map((c) => (
                <rect key={`${r}${c}`} x={40 + win.dx + (c * win.s) / 3} y={y + win.dy + (r * win.s) / 3} width={win.s / 3} height={win.s / 3} fill="none" stroke="#000" strokeWidth={1} />
              )),
            )}
          </g>
          <path
            d={`M${40 + win.dx + win.s},${y + win.dy + win.s / 2}L${sigma.x - 24},${sigma.y + (i - 1.5) * 8}`}
            stroke="#333"
            strokeWidth={1.4}
            fill="none"
            markerEnd="url(#conv-arrow)"
          />
        </g>
      ))}
      <text x={65} y={222} textAnchor="middle" style={{ fontSize: 22 }}>
        ⋮
      </text>
      <text x={140} y={60} className="small">
        {filter}
      </text>
      <circle cx={sigma.x} cy={sigma.y} r={24} fill="#fff" stroke="#000" strokeWidth={2} />
      <text x={sigma.x} y={sigma.y + 10} textAnchor="middle" style={{ fontSize: 28 }}>
        Σ
      </text>
      <text x={sigma.x} y={sigma.y + 52} textAnchor="middle">
        {sum}
      </text>
      <path d={`M${sigma.x + 24},${sigma.y}H${428}`} stroke="#333" strokeWidth={1.6} fill="none" markerEnd="url(#conv-arrow)" />
      <rect x={432} y={sigma.y - 50} width={100} height={100} fill="#eef1f4" stroke="#555" />
      <rect x={432 + 43} y={sigma.y - 7} width={14} height={14} fill="#333" />
      <text x={482} y={sigma.y + 76} textAnchor="middle">
        {output}
      </text>
    </svg>
  );
});
