import { useMemo } from 'react';
import { pickChannel, squeezeCells, stepDomains, symmetric, extentOf } from '../../../compute/lesson/stepData';
import { TABLE11_SQUEEZE } from '../../../compute/lesson/paperTables';
import { num } from '../../../i18n/lesson';
import { ChannelMapImage } from '../../../charts/ChannelMapImage';
import { colourOf } from '../../../charts/stepColours';
import { ValueBars } from '../../../charts/ValueBars';
import { blockName, type SectionProps } from './types';

/** 2 · Squeeze: global average pooling turns each map into one number of z. */
export function SqueezeSection({ card, taps, t, onFocus }: SectionProps) {
  return (
    <div className="lesson-columns">
      <div>
        <p>{t('squeeze.p1')}</p>
        <p>{t('squeeze.p2')}</p>
        <p className="lesson-muted" data-testid="squeeze-max-vs-avg">
          {t('squeeze.p3', { max: num(TABLE11_SQUEEZE.max.top1, 2), avg: num(TABLE11_SQUEEZE.avg.top1, 2) })}
        </p>
      </div>
      <div>{taps ? <SqueezeLive card={card} taps={taps} t={t} onFocus={onFocus} /> : <p className="lesson-muted">{t('lesson.noTaps')}</p>}</div>
    </div>
  );
}

function SqueezeLive({ card, taps, t, onFocus }: Pick<SectionProps, 'card' | 't' | 'onFocus'> & { taps: NonNullable<SectionProps['taps']> }) {
  const cells = useMemo(() => squeezeCells(taps), [taps]);
  const c = pickChannel(taps, 'loudest') ?? 0;
  const domains = useMemo(() => stepDomains(taps), [taps]);
  const z = useMemo(() => Float32Array.from(cells, (x) => x.z), [cells]);
  const zDomain = useMemo(() => symmetric(extentOf(z)), [z]);
  const cell = cells[c]!;
  const name = blockName(card, taps);
  return (
    <div className="lesson-live" data-testid="squeeze-live">
      <div className="lesson-pair">
        <ChannelMapImage data={taps.u} shape={taps.shape} channel={c} domain={domains.maps} size={112} alt={t('lesson.channel', { c })} />
        <span aria-hidden="true" style={{ fontSize: 28 }}>
          →
        </span>
        <span
          data-testid="squeeze-z"
          data-channel={c}
          data-value={cell.z}
          style={{ width: 44, height: 44, flex: 'none', display: 'inline-block', border: '2px solid #000', background: colourOf('diverging', zDomain, cell.z) }}
          title={`z = ${num(cell.z, 4)}`}
        />
        <div style={{ flex: '1 1 220px' }}>
          <p style={{ margin: 0 }}>{t('squeeze.live', { c, block: name, count: cell.count, z: num(cell.z, 3) })}</p>
          <p className="lesson-muted" style={{ margin: 0 }}>
            {t('squeeze.check', { mean: num(cell.recomputed, 3) })}
          </p>
        </div>
      </div>
      <h4>{t('squeeze.strip', { channels: cells.length })}</h4>
      <ValueBars
        values={z}
        domain={zDomain}
        palette="diverging"
        highlight={c}
        label={t('squeeze.strip', { channels: cells.length })}
        testid="squeeze-bars"
        onPick={(ch) => onFocus({ channel: ch, panel: 'z' })}
        barTitle={(ch, v) => `${t('lesson.channel', { c: ch })}: z = ${num(v, 3)}`}
      />
    </div>
  );
}
