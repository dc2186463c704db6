import { memo, useMemo } from 'react';
import { channelMap } from '../compute/chartdata';
import type { Domain } from '../compute/domain';
import { HeatmapCanvas } from './Heatmap';
import type { Palette } from './scales';

export interface GridProps {
  /** testid prefix: `${name}-grid` and `${name}-cell` */
  name: string;
  data: Float32Array;
  shape: [number, number, number];
  order: number[];
  domains: Domain[];
  palette: Palette;
  highlight: number | null;
  channelLabel: (c: number) => string;
  onHover: (c: number | null) => void;
  onPick: (c: number) => void;
  /** keyboard focus stops on the cells (one grid per inspector, to keep tabbing sane) */
  focusable?: boolean;
}

/** C maps of H×W, one canvas each, in the given channel order. */
export const HeatmapGrid = memo(function HeatmapGrid(p: GridProps) {
  const [H, W, C] = p.shape;
  const maps = useMemo(() => Array.from({ length: C }, (_, c) => channelMap(p.data, p.shape, c)), [p.data, p.shape, C]);
  const cols = C > 32 ? 'many' : C > 16 ? 'some' : 'few';
  return (
    <div className={`grid grid-${cols}${p.highlight !== null ? ' has-highlight' : ''}`} data-testid={`${p.name}-grid`} data-channels={C} data-h={H} data-w={W} onPointerLeave={() => p.onHover(null)}>
      {p.order.map((c) => (
        <HeatmapCanvas
          key={c}
          testid={`${p.name}-cell`}
          channel={c}
          values={maps[c]!}
          w={W}
          h={H}
          domain={p.domains[c]!}
          palette={p.palette}
          active={p.highlight === c}
          label={p.channelLabel(c)}
          onEnter={p.onHover}
          onPick={p.onPick}
          focusable={!!p.focusable}
        />
      ))}
    </div>
  );
});
