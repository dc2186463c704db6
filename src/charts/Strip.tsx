import { memo } from 'react';
import type { Domain } from '../compute/domain';
import { fmt } from '../compute/chartdata';
import { cssColour, type Palette } from './scales';

export interface StripProps {
  name: string;
  values: Float32Array;
  domain: Domain;
  palette: Palette;
  highlight: number | null;
  /** channel strips react to hover; the FC1 strip (hidden units) does not */
  interactive: boolean;
  label: (i: number) => string;
  onHover?: (c: number | null) => void;
  onPick?: (c: number) => void;
  focusable?: boolean;
}

/** A 1×C row of coloured cells, in channel order (the strip is the tensor as it is). */
export const Strip = memo(function Strip(p: StripProps) {
  return (
    <div className="strip" data-testid={`${p.name}-strip`} data-channels={p.values.length} onPointerLeave={p.onHover ? () => p.onHover!(null) : undefined} role="list">
      {Array.from(p.values, (v, i) => (
        <div
          key={i}
          role="listitem"
          className={`strip-cell${p.highlight === i ? ' active' : ''}`}
          data-testid={`${p.name}-cell`}
          data-channel={i}
          data-value={v}
          style={{ background: cssColour(p.palette, p.domain, v) }}
          title={`${p.label(i)}: ${fmt(v)}`}
          tabIndex={p.interactive && p.focusable ? 0 : undefined}
          onPointerEnter={p.interactive && p.onHover ? () => p.onHover!(i) : undefined}
          onFocus={p.interactive && p.onHover ? () => p.onHover!(i) : undefined}
          onClick={p.interactive && p.onPick ? () => p.onPick!(i) : undefined}
        />
      ))}
    </div>
  );
});
