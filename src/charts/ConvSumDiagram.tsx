import { memo } from 'react';

const LAYER_FILLS = ['#cfe3f1', '#f7dcc1', '#cdeadf', '#f3e3a6', '#e3d3ea'];

/** A standard convolution: one k×k×C filter window over every channel, all summed into one output value. */
export const ConvSumDiagram = memo(function ConvSumDiagram(props: {
  label: string;
  input: string;
  filter: string;
  sum: string;
  output: string;
}) {
  const { label, input, filter, sum, output } = props;
  const layers = LAYER_FILLS.map((fill, i) => ({ fill, x: 30 + i * 14, y: 92 - i * 12 }));
  const win = (l: { x: number; y: number }) => ({ x: l.x + 34, y: l.y + 26, s: 26 });
  const sigma = { x: 330, y: 100 };
  return (
    <svg className="lesson-svg" viewBox="0 0 560 230" role="img" aria-label={label} data-testid="why-diagram">
      <defs>
        <marker id="conv-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10z" fill="#333" />
        </marker>
      </defs>
      {layers.map((l, i) => (
        <g key={i}>
          <rect x={l.x} y={l.y} width={92} height={92} fill={l.fill} stroke="#555" />
          <rect x={win(l).x} y={win(l).y} width={win(l).s} height={win(l).s} fill="none" stroke="#000" strokeWidth={2} />
        </g>
      ))}
      {layers.map((l, i) => (
        <line
          key={i}
          x1={win(l).x + win(l).s}
          y1={win(l).y + win(l).s / 2}
          x2={sigma.x - 22}
          y2={sigma.y + (i - 2) * 6}
          stroke="#333"
          strokeWidth={1.2}
          markerEnd="url(#conv-arrow)"
        />
      ))}
      <circle cx={sigma.x} cy={sigma.y} r={22} fill="#fff" stroke="#000" strokeWidth={2} />
      <text x={sigma.x} y={sigma.y + 9} textAnchor="middle" style={{ fontSize: 28 }}>
        Σ
      </text>
      <line x1={sigma.x + 22} y1={sigma.y} x2={420} y2={sigma.y} stroke="#333" strokeWidth={1.5} markerEnd="url(#conv-arrow)" />
      <rect x={424} y={56} width={88} height={88} fill="#eef1f4" stroke="#555" />
      <rect x={424 + 34} y={56 + 34} width={14} height={14} fill="#333" />
      <text x={80} y={215} textAnchor="middle">
        {input}
      </text>
      <text x={150} y={24} textAnchor="middle" className="small">
        {filter}
      </text>
      <text x={sigma.x} y={150} textAnchor="middle">
        {sum}
      </text>
      <text x={468} y={170} textAnchor="middle">
        {output}
      </text>
    </svg>
  );
});
