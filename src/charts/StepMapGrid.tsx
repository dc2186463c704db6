import { memo, useMemo } from 'react';
import { channelSlice, type Extent } from '../compute/lesson/stepData';
import type { BlockTaps } from '../types/forward';
import { ACCENT, mapDataUrl } from './stepColours';
import type { StepGeometry } from './stepLayout';

export interface MapLayers {
  /** opacity of the U·s layer over U (0..1) */
  scaled: number;
  /** opacity of the output layer over U·s (0..1) */
  out: number;
  /** opacity of the whole grid (dimmed while the SE branch computes) */
  grid: number;
}

function useMapUrls(taps: BlockTaps, data: Float32Array, domain: Extent): string[] {
  return useMemo(() => {
    const [H, W, C] = taps.shape;
    return Array.from({ length: C }, (_, c) => mapDataUrl(channelSlice(data, taps.shape, c), H, W, domain, 'diverging'));
  }, [taps, data, domain]);
}

/** The block's channel maps, cross-fading U → U·s → output as the steps advance. */
export const StepMapGrid = memo(function StepMapGrid(props: {
  taps: BlockTaps;
  geometry: StepGeometry;
  domain: Extent;
  layers: MapLayers;
  highlight: number | null;
  /** per-channel s shown as a badge (opacity), null: none */
  badges: { s: Float32Array; opacity: number } | null;
  mapTitle: (c: number) => string;
}) {
  const { taps, geometry, domain, layers, highlight, badges, mapTitle } = props;
  const u = useMapUrls(taps, taps.u, domain);
  const scaled = useMapUrls(taps, taps.scaled, domain);
  const out = useMapUrls(taps, taps.out, domain);
  const small = geometry.maps[0]!.w < 60;
  return (
    <g opacity={layers.grid} data-testid="anim-maps">
      {geometry.maps.map((r, c) => (
        <g key={c} data-testid="anim-map" data-channel={c} data-s={taps.s ? taps.s[c] : undefined}>
          <title>{mapTitle(c)}</title>
          <image href={u[c] || undefined} x={r.x} y={r.y} width={r.w} height={r.h} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} />
          {layers.scaled > 0 ? (
            <image href={scaled[c] || undefined} x={r.x} y={r.y} width={r.w} height={r.h} opacity={layers.scaled} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} />
          ) : null}
          {layers.out > 0 ? (
            <image href={out[c] || undefined} x={r.x} y={r.y} width={r.w} height={r.h} opacity={layers.out} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} />
          ) : null}
          <rect x={r.x} y={r.y} width={r.w} height={r.h} fill="none" stroke={highlight === c ? ACCENT.highlight : '#9aa0a6'} strokeWidth={highlight === c ? 4 : 1} />
          {!small ? (
            <text x={r.x + 4} y={r.y + 15} className="step-map-index">
              {c}
            </text>
          ) : null}
          {badges && badges.opacity > 0 ? (
            <g opacity={badges.opacity}>
              <rect x={r.x + r.w - (small ? 34 : 52)} y={r.y + r.h - (small ? 16 : 22)} width={small ? 34 : 52} height={small ? 16 : 22} rx={3} fill="#fff" stroke="#333" strokeWidth={0.8} />
              <text x={r.x + r.w - 3} y={r.y + r.h - (small ? 4 : 6)} textAnchor="end" className={small ? 'step-badge small' : 'step-badge'}>
                ×{badges.s[c]!.toFixed(2)}
              </text>
            </g>
          ) : null}
        </g>
      ))}
    </g>
  );
});
