import { memo } from 'react';
import type { Extent } from '../compute/lesson/stepData';
import { gradientStops, type LessonPalette } from './stepColours';

const f = (v: number, digits: number) => v.toFixed(digits).replace('-', '−');

/** An HTML colour key: a gradient bar with its end values (and 0 for a signed range). */
export const ColourKey = memo(function ColourKey(props: { palette: LessonPalette; domain: Extent; label: string; digits?: number }) {
  const { palette, domain, label, digits = 2 } = props;
  const stops = gradientStops(palette).map((s) => `${s.colour} ${s.offset}`).join(', ');
  return (
    <figure className="colour-key" data-testid="anim-key" aria-label={`${label}: ${f(domain.lo, digits)} … ${f(domain.hi, digits)}`}>
      <figcaption>{label}</figcaption>
      <div className="colour-key-bar" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <div className="colour-key-ticks" aria-hidden="true">
        <span>{f(domain.lo, digits)}</span>
        {domain.lo < 0 && domain.hi > 0 ? <span>0</span> : null}
        <span>{f(domain.hi, digits)}</span>
      </div>
    </figure>
  );
});
