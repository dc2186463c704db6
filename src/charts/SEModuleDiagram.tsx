import { memo } from 'react';
import { ACCENT } from './stepColours';

export interface SEModuleLabels {
  title: string;
  body: string;
  gap: string;
  fc: string;
  relu: string;
  sigmoid: string;
  scale: string;
  shortcut: string;
  ours: string;
}

const SE_FILL = '#d7efe6';

function Box({ x, y, w, h, text, sub, fill = '#fff', bold }: { x: number; y: number; w: number; h: number; text: string; sub?: string; fill?: string; bold?: boolean }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={5} fill={fill} stroke="#333" strokeWidth={1.2} />
      <text x={x + 10} y={y + h / 2 + 5} className={bold ? 'bold' : undefined}>
        {text}
      </text>
      {sub ? (
        <text x={x + w - 8} y={y + h / 2 + 5} textAnchor="end" className="small">
          {sub}
        </text>
      ) : null}
    </g>
  );
}

/**
 * An SE-Inception or SE-ResNet module as a flow chart: the module's transformation, the SE
 * branch (pool, FC, ReLU, FC, sigmoid), the channel-wise scale and, for ResNet, the shortcut
 * added after the scale. `highlight` outlines the module as the one our model uses.
 */
export const SEModuleDiagram = memo(function SEModuleDiagram(props: { kind: 'inception' | 'resnet'; labels: SEModuleLabels; highlight: boolean; description: string }) {
  const { kind, labels: L, highlight, description } = props;
  const res = kind === 'resnet';
  const mx = 150; // main line
  const bx = 196; // SE boxes
  const bw = 190;
  const rows = [
    { text: L.gap, sub: '1×1×C' },
    { text: L.fc, sub: '1×1×C/r' },
    { text: L.relu, sub: '1×1×C/r' },
    { text: L.fc, sub: '1×1×C' },
    { text: L.sigmoid, sub: '1×1×C' },
  ];
  const seTop = 140;
  const rowH = 44;
  const scaleY = seTop + rows.length * rowH + 20;
  const addY = scaleY + 52;
  const end = res ? addY + 80 : scaleY + 60;
  const height = end + 26;
  const arrow = `arrow-${kind}`;
  return (
    <svg className="lesson-svg" viewBox={`0 0 400 ${height}`} role="img" aria-label={description} data-testid={`diagram-${kind}`} data-highlight={highlight}>
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10z" fill="#333" />
        </marker>
      </defs>
      {highlight ? (
        <g>
          <rect x={4} y={4} width={392} height={height - 8} rx={10} fill="#fff8ea" stroke={ACCENT.ours} strokeWidth={3} strokeDasharray="8 4" />
          <text x={388} y={26} textAnchor="end" className="bold" style={{ fill: '#8a5a00' }}>
            ★ {L.ours}
          </text>
        </g>
      ) : null}
      <text x={16} y={28} className="bold" style={{ fontSize: 18 }}>
        {L.title}
      </text>
      <text x={mx} y={54} textAnchor="middle" className="bold">
        X
      </text>
      <line x1={mx} y1={60} x2={mx} y2={76} stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
      <Box x={mx - 110} y={78} w={220} h={38} text={L.body} fill={res ? '#e8eef7' : '#e8eef7'} />
      {/* main line down to the scale */}
      <line x1={mx} y1={116} x2={mx} y2={scaleY - 16} stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
      <text x={mx - 8} y={seTop - 2} textAnchor="end" className="small">
        H×W×C
      </text>
      {/* SE branch */}
      <path d={`M${mx},${seTop - 14}H${bx + 20}V${seTop}`} fill="none" stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
      {rows.map((r, i) => (
        <g key={i}>
          <Box x={bx} y={seTop + i * rowH} w={bw} h={32} text={r.text} sub={r.sub} fill={SE_FILL} />
          {i < rows.length - 1 ? (
            <line x1={bx + 20} y1={seTop + i * rowH + 32} x2={bx + 20} y2={seTop + (i + 1) * rowH - 1} stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
          ) : null}
        </g>
      ))}
      <path d={`M${bx + 20},${seTop + (rows.length - 1) * rowH + 32}V${scaleY}H${mx + 16}`} fill="none" stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
      <circle cx={mx} cy={scaleY} r={15} fill="#fff" stroke="#000" strokeWidth={2} />
      <text x={mx} y={scaleY + 6} textAnchor="middle" className="bold">
        ×
      </text>
      <text x={mx - 22} y={scaleY + 5} textAnchor="end">
        {L.scale}
      </text>
      {res ? (
        <>
          <path d={`M${mx},${64}H${22}V${addY}H${mx - 16}`} fill="none" stroke="#333" strokeWidth={1.5} strokeDasharray="6 3" markerEnd={`url(#${arrow})`} />
          <text x={28} y={addY - 10} className="small">
            {L.shortcut}
          </text>
          <line x1={mx} y1={scaleY + 15} x2={mx} y2={addY - 16} stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
          <circle cx={mx} cy={addY} r={15} fill="#fff" stroke="#000" strokeWidth={2} />
          <text x={mx} y={addY + 6} textAnchor="middle" className="bold">
            +
          </text>
          <line x1={mx} y1={addY + 15} x2={mx} y2={addY + 30} stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
          <Box x={mx - 45} y={addY + 32} w={90} h={30} text={L.relu} />
          <line x1={mx} y1={addY + 62} x2={mx} y2={end - 6} stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
        </>
      ) : (
        <line x1={mx} y1={scaleY + 15} x2={mx} y2={end - 6} stroke="#333" strokeWidth={1.5} markerEnd={`url(#${arrow})`} />
      )}
      <text x={mx} y={end + 12} textAnchor="middle" className="bold">
        X̃
      </text>
    </svg>
  );
});
