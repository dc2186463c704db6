import { memo, useEffect, useRef } from 'react';
import { colourise } from '../compute/chartdata';
import type { Domain } from '../compute/domain';
import { drawPixels } from './pixelCanvas';
import { paletteLut, type Palette } from './scales';

interface MapProps {
  values: Float32Array;
  w: number;
  h: number;
  domain: Domain;
  palette: Palette;
  testid?: string;
  channel?: number;
  label?: string;
  active?: boolean;
  onEnter?: (channel: number) => void;
  onLeave?: () => void;
  onPick?: (channel: number) => void;
  className?: string;
  focusable?: boolean;
}

/** One H×W map on a canvas of exactly H×W pixels, scaled up with crisp pixels by CSS. */
export const HeatmapCanvas = memo(function HeatmapCanvas(p: MapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    drawPixels(ref.current, colourise(p.values, p.domain, paletteLut(p.palette)), p.w, p.h);
  }, [p.values, p.domain, p.palette, p.w, p.h]);
  const c = p.channel ?? -1;
  return (
    <canvas
      ref={ref}
      width={p.w}
      height={p.h}
      className={`map${p.active ? ' active' : ''}${p.className ? ` ${p.className}` : ''}`}
      data-testid={p.testid}
      data-channel={p.channel}
      role="img"
      aria-label={p.label}
      tabIndex={p.onPick && p.focusable ? 0 : undefined}
      onPointerEnter={p.onEnter ? () => p.onEnter!(c) : undefined}
      onPointerLeave={p.onLeave}
      onFocus={p.onEnter ? () => p.onEnter!(c) : undefined}
      onBlur={p.onLeave}
      onClick={p.onPick ? () => p.onPick!(c) : undefined}
      onKeyDown={p.onPick ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), p.onPick!(c)) : undefined}
    />
  );
});
