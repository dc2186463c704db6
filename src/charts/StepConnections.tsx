import { memo } from 'react';

/** Fully connected layer drawn as faint lines between every left and right point. */
export const StepConnections = memo(function StepConnections(props: {
  from: { x: number; y: number }[];
  to: { x: number; y: number }[];
  opacity: number;
}) {
  const { from, to, opacity } = props;
  if (opacity <= 0) return null;
  const d = from.flatMap((a) => to.map((b) => `M${a.x.toFixed(1)},${a.y.toFixed(1)}L${b.x.toFixed(1)},${b.y.toFixed(1)}`)).join('');
  const weight = Math.max(0.15, Math.min(0.5, 40 / (from.length * to.length) ** 0.5));
  return <path d={d} stroke="#5f6b7a" strokeWidth={0.8} strokeOpacity={weight} fill="none" opacity={opacity} aria-hidden="true" />;
});
