import { useEffect, useState } from 'react';
import { shownResult, useAppShallow } from '../store';
import { ChannelFacts } from './ChannelFacts';
import { useT } from './useT';

/** Follows the pointer while a channel is hovered, in any view. */
export function Tooltip() {
  const t = useT();
  const s = useAppShallow((s) => ({ hovered: s.hovered, prediction: s.prediction, input: s.input, card: s.card }));
  const [pos, setPos] = useState({ x: 0, y: 0 });
  useEffect(() => {
    const move = (e: PointerEvent) => setPos({ x: e.clientX, y: e.clientY });
    window.addEventListener('pointermove', move, { passive: true });
    return () => window.removeEventListener('pointermove', move);
  }, []);
  const shown = shownResult(s);
  if (!s.hovered || !shown) return null;
  const taps = shown.blocks[s.hovered.block];
  const spec = s.card?.architecture.blocks[s.hovered.block];
  if (!taps || !spec) return null;
  // keep it on screen: flip to the left/top near the edges
  const left = pos.x + 260 > window.innerWidth ? pos.x - 250 : pos.x + 14;
  const top = pos.y + 190 > window.innerHeight ? pos.y - 180 : pos.y + 14;
  return (
    <div className="tooltip" role="tooltip" data-testid="tooltip" style={{ left: Math.max(4, left), top: Math.max(4, top) }}>
      <ChannelFacts taps={taps} c={s.hovered.channel} blockId={spec.id} t={t} />
    </div>
  );
}
