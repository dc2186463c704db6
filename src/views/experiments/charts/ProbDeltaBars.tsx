import { memo } from 'react';
import type { ProbDelta } from '../../../compute/probDelta';
import { percent, signedPoints, type ExT } from '../../../i18n/experiments';
import { TWO } from '../common';

export interface ProbDeltaBarsProps {
  rows: ProbDelta[];
  name: (cls: number) => string;
  classKey: (cls: number) => string;
  t: ExT;
}

/** One row per class: the probability before (grey) and after (blue), the signed change in points. */
export const ProbDeltaBars = memo(function ProbDeltaBars({ rows, name, classKey, t }: ProbDeltaBarsProps) {
  return (
    <ol className="ex-probs" aria-label={t('iv.probs.title')}>
      {rows.map((r) => {
        const d = signedPoints(r.delta);
        const dir = r.delta > 5e-4 ? 'up' : r.delta < -5e-4 ? 'down' : 'same';
        return (
          <li
            key={r.cls}
            data-testid="prob-delta"
            data-class={classKey(r.cls)}
            data-before={r.before}
            data-after={r.after}
            aria-label={t('iv.probs.aria', { cls: name(r.cls), before: percent(r.before), after: percent(r.after), delta: d })}
          >
            <span className="ex-probs-name">{name(r.cls)}</span>
            <span className="ex-probs-bars" aria-hidden>
              <span className="ex-bar before" style={{ width: `${r.before * 100}%`, background: TWO.before }} />
              <span className="ex-bar after" style={{ width: `${r.after * 100}%`, background: TWO.after }} />
            </span>
            <span className="ex-probs-values" aria-hidden>
              {percent(r.before)} → <b>{percent(r.after)}</b>
            </span>
            <span className={`ex-delta ${dir}`} aria-hidden style={{ color: dir === 'up' ? TWO.up : dir === 'down' ? TWO.down : undefined }}>
              {dir === 'up' ? '▲' : dir === 'down' ? '▼' : '·'} {d}
            </span>
          </li>
        );
      })}
    </ol>
  );
});
