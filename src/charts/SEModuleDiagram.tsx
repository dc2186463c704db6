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
const BODY_FILL = '#e3eaf4';
const Y = 128; // main line

function Box({ x, y, w, h, text, sub, fill }: { x: number; y: number; w: number; h: number; text: string; sub?: string; fill: string }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={6} fill={fill} stroke="#333" strokeWidth={1.3} />
      <text x={x + w / 2} y={y + h / 2 + 6} textAnchor="middle" className="diagram-text">
        {text}
      </text>
      {sub ? (
        <text x={x + w / 2} y={y + h + 20} textAnchor="middle" className="small">
          {sub}
        </text>
      ) : null}
    </g>
  );
}

function Node({ x, sign }: { x: number; sign: string }) {
  return (
    <g>
      <circle cx={x} cy={Y} r={17} fill="#fff" stroke="#000" strokeWidth={2} />
      <text x={x} y={Y + 7} textAnchor="middle" className="diagram-text bold">
        {sign}
      </text>
    </g>
  );
}

/**
 * An SE-Inception or SE-ResNet module as a left-to-right flow chart: the module's own
 * transformation on the main line, the SE branch above it (pool, FC, ReLU, FC, sigmoid), the
 * channel-wise scale and, for ResNet, the shortcut below, added after the scale.
 * `highlight` outlines the module as the form our model uses.
 */
export const SEModuleDiagram = memo(function SEModuleDiagram(props: { kind: 'inception' | 'resnet'; labels: SEModuleLabels; highlight: boolean; description: string }) {
  const { kind, labels: L, highlight, description } = props;
  const res = kind === 'resnet';
  const arrow = `se-arrow-${kind}`;
  const line = { stroke: '#333', strokeWidth: 1.6, fill: 'none', markerEnd: `url(#${arrow})` };
  const se = [
    { text: L.gap, sub: '1×1×C', w: 160 },
    { text: L.fc, sub: '1×1×C/r', w: 70 },
    { text: L.relu, sub: '1×1×C/r', w: 90 },
    { text: L.fc, sub: '1×1×C', w: 70 },
    { text: L.sigmoid, sub: '1×1×C', w: 120 },
  ];
  const seY = 44;
  const boxH = 40;
  let x = 350;
  const seBoxes = se.map((b) => {
    const r = { ...b, x };
    x += b.w + 22;
    return r;
  });
  const lastSE = seBoxes[seBoxes.length - 1]!;
  const scaleX = lastSE.x + lastSE.w + 40;
  const addX = scaleX + 64;
  const reluX = addX + 34;
  const endX = res ? reluX + 80 + 34 : scaleX + 50;
  const height = res ? 230 : 190;
  // both kinds share the width of the longer (ResNet) chart, so they print at the same scale
  const W = reluX + 80 + 34 + 44;
  return (
    <svg className="lesson-svg" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={description} data-testid={`diagram-${kind}`} data-highlight={highlight}>
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10z" fill="#333" />
        </marker>
      </defs>
      {highlight ? (
        <rect x={3} y={3} width={W - 6} height={height - 6} rx={12} fill="#fff8ea" stroke={ACCENT.ours} strokeWidth={3} strokeDasharray="9 5" />
      ) : (
        <rect x={3} y={3} width={W - 6} height={height - 6} rx={12} fill="none" stroke="#d5dae0" strokeWidth={1.5} />
      )}
      <text x={20} y={34} className="diagram-title">
        {L.title}
      </text>
      {highlight ? (
        <text x={W - 18} y={34} textAnchor="end" className="diagram-text bold" style={{ fill: '#7a4d00' }}>
          ★ {L.ours}
        </text>
      ) : null}
      <text x={28} y={Y + 7} className="diagram-text bold">
        X
      </text>
      <path d={`M48,${Y}H72`} {...line} />
      <Box x={74} y={Y - 22} w={240} h={44} text={L.body} fill={BODY_FILL} />
      <text x={330} y={Y + 42} className="small">
        H×W×C
      </text>
      <path d={`M314,${Y}H${scaleX - 19}`} {...line} />
      {/* SE branch */}
      <path d={`M326,${Y}V${seY + boxH / 2}H${seBoxes[0]!.x - 2}`} {...line} />
      {seBoxes.map((b, i) => (
        <g key={i}>
          <Box x={b.x} y={seY} w={b.w} h={boxH} text={b.text} sub={b.sub} fill={SE_FILL} />
          {i < seBoxes.length - 1 ? <path d={`M${b.x + b.w},${seY + boxH / 2}H${seBoxes[i + 1]!.x - 2}`} {...line} /> : null}
        </g>
      ))}
      <path d={`M${lastSE.x + lastSE.w},${seY + boxH / 2}H${scaleX}V${Y - 19}`} {...line} />
      <Node x={scaleX} sign="×" />
      <text x={scaleX} y={Y + 40} textAnchor="middle" className="small">
        {L.scale}
      </text>
      {res ? (
        <>
          <path d={`M56,${Y}V${Y + 70}H${addX}V${Y + 19}`} {...line} strokeDasharray="7 4" />
          <text x={120} y={Y + 62} className="small">
            {L.shortcut}
          </text>
          <path d={`M${scaleX + 17},${Y}H${addX - 19}`} {...line} />
          <Node x={addX} sign="+" />
          <path d={`M${addX + 17},${Y}H${reluX - 2}`} {...line} />
          <Box x={reluX} y={Y - 20} w={80} h={40} text={L.relu} fill="#fff" />
          <path d={`M${reluX + 80},${Y}H${endX - 6}`} {...line} />
        </>
      ) : (
        <path d={`M${scaleX + 17},${Y}H${endX - 6}`} {...line} />
      )}
      <text x={endX} y={Y + 7} className="diagram-text bold">
        X̃
      </text>
    </svg>
  );
});
