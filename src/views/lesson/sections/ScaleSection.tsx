import { useMemo } from 'react';
import { pickChannel, scaledChannels, stepDomains } from '../../../compute/lesson/stepData';
import { num } from '../../../i18n/lesson';
import { ChannelMapImage } from '../../../charts/ChannelMapImage';
import { ValueBars } from '../../../charts/ValueBars';
import type { SectionProps } from './types';

/** 4 · Scale: channel-wise multiplication; the most damped and most kept channels of this image. */
export function ScaleSection({ taps, t, onFocus }: SectionProps) {
  return (
    <div className="lesson-columns">
      <div>
        <p>{t('scale.p1')}</p>
        <p>{t('scale.p2')}</p>
      </div>
      <div>{taps?.s ? <ScaleLive taps={taps} t={t} onFocus={onFocus} /> : <p className="lesson-muted">{taps ? t('lesson.noSE') : t('lesson.noTaps')}</p>}</div>
    </div>
  );
}

function ScaleLive({ taps, t, onFocus }: Pick<SectionProps, 't' | 'onFocus'> & { taps: NonNullable<SectionProps['taps']> }) {
  const rows = useMemo(() => scaledChannels(taps), [taps]);
  const domain = useMemo(() => stepDomains(taps).maps, [taps]);
  const order = useMemo(() => rows.map((r) => r.channel).sort((a, b) => rows[b]!.s - rows[a]!.s || a - b), [rows]);
  const low = pickChannel(taps, 'most-suppressed')!;
  const high = pickChannel(taps, 'most-kept')!;
  const pair = (c: number, key: 'scale.low' | 'scale.high') => {
    const r = rows[c]!;
    return (
      <div className="lesson-live" data-testid={key === 'scale.low' ? 'scale-low' : 'scale-high'} data-channel={c} data-s={r.s} style={{ marginBottom: 8 }}>
        <p style={{ margin: '0 0 6px' }}>{t(key, { c, s: num(r.s, 3), before: num(r.before, 3), after: num(r.after, 3) })}</p>
        <div className="lesson-pair">
          <figure style={{ margin: 0 }}>
            <ChannelMapImage data={taps.u} shape={taps.shape} channel={c} domain={domain} size={84} alt={`${t('lesson.channel', { c })}, ${t('scale.before')}`} />
            <figcaption className="lesson-muted">{t('scale.before')}</figcaption>
          </figure>
          <span style={{ fontSize: 22 }} aria-hidden="true">
            × {num(r.s, 2)} →
          </span>
          <figure style={{ margin: 0 }}>
            <ChannelMapImage data={taps.scaled} shape={taps.shape} channel={c} domain={domain} size={84} alt={`${t('lesson.channel', { c })}, ${t('scale.after')}`} />
            <figcaption className="lesson-muted">{t('scale.after')}</figcaption>
          </figure>
          <button type="button" className="lesson-button" onClick={() => onFocus({ channel: c, panel: 'scaled', step: 4 })}>
            {t('lesson.show')}
          </button>
        </div>
      </div>
    );
  };
  return (
    <div>
      {pair(low, 'scale.low')}
      {pair(high, 'scale.high')}
      <h4>{t('scale.bars', { channels: rows.length })}</h4>
      <ValueBars
        values={taps.s!}
        order={order}
        domain={{ lo: 0, hi: 1 }}
        palette="cividis"
        highlight={low}
        label={t('scale.chart')}
        testid="scale-bars"
        height={130}
        onPick={(c) => onFocus({ channel: c, panel: 'scaled' })}
        barTitle={(c, v) => `${t('lesson.channel', { c })}: s = ${num(v, 3)}`}
      />
    </div>
  );
}
