import { useMemo } from 'react';
import { compareGates } from '../../../compute/lesson/gates';
import { hiddenUnits } from '../../../compute/lesson/stepData';
import { num } from '../../../i18n/lesson';
import { GateBars } from '../../../charts/GateBars';
import { GateComparison, GateLegend } from './GateComparison';
import { blockName, type SectionProps } from './types';

/** "the ReLU clipped 2 of 4 hidden units", or, when it clipped none, a sentence that says so */
function clippedText(clipped: number, hidden: number, t: SectionProps['t']): string {
  return clipped === 0 ? t('excite.clippedNone', { hidden }) : t('excite.clipped', { clipped, hidden });
}

/** 3 · Excitation: bottleneck FCs, ReLU, sigmoid; why sigmoid and not softmax. */
export function ExcitationSection({ card, taps, t, slot }: SectionProps) {
  const spec = taps ? card.architecture.blocks[taps.index] : undefined;
  const units = useMemo(() => (taps ? hiddenUnits(taps) : []), [taps]);
  return (
    <div className="lesson-columns">
      <div>
        <p>{t('excite.p1')}</p>
        {taps && spec?.se ? (
          <p className="lesson-live" data-testid="excite-live">
            {t('excite.live', { block: blockName(card, taps), channels: spec.channels, hidden: spec.se.hidden, r: spec.se.reduction })}{' '}
            {clippedText(units.filter((u) => u.clipped).length, units.length, t)}
          </p>
        ) : null}
        <p>{t('excite.p2')}</p>
        <p>{t('excite.why')}</p>
        <p className="lesson-muted">{t('excite.attention')}</p>
      </div>
      {slot}
      <div>
        <GateComparison t={t} />
        {taps?.e ? <RealGates e={taps.e} t={t} /> : taps ? <p className="lesson-muted">{t('lesson.noSE')}</p> : <p className="lesson-muted">{t('lesson.noTaps')}</p>}
      </div>
    </div>
  );
}

function RealGates({ e, t }: { e: Float32Array; t: SectionProps['t'] }) {
  const sorted = useMemo(() => Array.from(e).sort((a, b) => b - a), [e]);
  const cmp = useMemo(() => compareGates(sorted), [sorted]);
  const C = e.length;
  return (
    <div data-testid="excite-real" style={{ marginTop: 12 }}>
      <p style={{ margin: '0 0 4px' }}>{t('excite.real', { channels: C })}</p>
      <GateLegend t={t} />
      <GateBars sigmoid={cmp.sigmoid} softmax={cmp.softmax} label={t('excite.chart')} testid="excite-real-bars" height={140} />
      <p style={{ margin: '4px 0 0' }}>
        {t('excite.realSummary', { sig: cmp.sigmoidAboveHalf, channels: C, avg: num(1 / C, 3), max: num(Math.max(...cmp.softmax), 3) })}
      </p>
    </div>
  );
}
