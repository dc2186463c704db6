import { memo, useMemo } from 'react';
import type { Domain } from '../compute/domain';
import { cssGradient, legendTicks, type Palette } from './scales';

/** Colour bar with nice ticks; `note` says what the range covers. */
export const Legend = memo(function Legend({ palette, domain, note, testid }: { palette: Palette; domain: Domain | null; note: string; testid?: string }) {
  const ticks = useMemo(() => (domain ? legendTicks(domain, 3) : []), [domain]);
  return (
    <div className="legend" data-testid={testid}>
      <div className="legend-bar" style={{ background: cssGradient(palette) }} />
      <div className="legend-ticks">
        {domain ? (
          ticks.map((t) => (
            <span key={t.value} style={{ left: `${t.at * 100}%` }}>
              {t.label}
            </span>
          ))
        ) : null}
      </div>
      <div className="legend-note">{note}</div>
    </div>
  );
});
