import { useMemo } from 'react';
import { channelHealth, quietChannels } from '../../../compute/lesson/channelHealth';
import { stepDomains } from '../../../compute/lesson/stepData';
import { num, pct } from '../../../i18n/lesson';
import { ChannelMapImage } from '../../../charts/ChannelMapImage';
import { ConvSumDiagram } from '../../../charts/ConvSumDiagram';
import { blockName, type SectionProps } from './types';

const MAX_SHOWN = 6;

/** 1 · Why: convolution sums over all channels; some of this image's maps are nearly empty. */
export function WhySection({ card, taps, allBlocks, t, onFocus }: SectionProps) {
  return (
    <div className="lesson-columns">
      <div>
        <p>{t('why.p1')}</p>
        <ConvSumDiagram
          label={t('why.diagram')}
          input={t('why.diagram.input')}
          filter={t('why.diagram.filter')}
          sum={t('why.diagram.sum')}
          output={t('why.diagram.output')}
        />
        <p>{t('why.p2')}</p>
      </div>
      <div>
        <p>{t('why.p3')}</p>
        {taps ? <QuietChannels taps={taps} name={blockName(card, taps)} t={t} onFocus={onFocus} /> : <p className="lesson-muted">{t('lesson.noTaps')}</p>}
        <NetworkQuiet card={card} allBlocks={allBlocks} t={t} />
        <p>{t('why.p4')}</p>
      </div>
    </div>
  );
}

function QuietChannels({ taps, name, t, onFocus }: { taps: NonNullable<SectionProps['taps']>; name: string; t: SectionProps['t']; onFocus: SectionProps['onFocus'] }) {
  const quiet = useMemo(() => {
    // a channel counts when it is nearly empty before SE (U) or in the block output
    const u = channelHealth(taps.u, taps.shape);
    const out = quietChannels(taps.out, taps.shape);
    const seen = new Set(out.map((q) => q.channel));
    return [...out, ...u.filter((h) => h.reason === 'faint' && !seen.has(h.channel))];
  }, [taps]);
  const domain = useMemo(() => stepDomains(taps).maps, [taps]);
  const C = taps.shape[2];
  return (
    <div className="lesson-live" data-testid="why-quiet" data-count={quiet.length}>
      <p>{quiet.length ? t('why.live.some', { block: name, count: quiet.length, channels: C }) : t('why.live.none', { block: name })}</p>
      {quiet.length ? (
        <ul className="quiet-list">
          {quiet.slice(0, MAX_SHOWN).map((q) => (
            <li key={q.channel} data-testid="why-quiet-channel" data-channel={q.channel} data-reason={q.reason}>
              <button type="button" onClick={() => onFocus({ channel: q.channel, panel: 'out' })} aria-label={t('lesson.channel', { c: q.channel })}>
                <span className="quiet-maps">
                  <figure>
                    <ChannelMapImage data={taps.u} shape={taps.shape} channel={q.channel} domain={domain} size={64} alt={`${t('lesson.channel', { c: q.channel })}, ${t('why.where.u')}`} />
                    <figcaption>{t('why.where.u')}</figcaption>
                  </figure>
                  <figure>
                    <ChannelMapImage data={taps.out} shape={taps.shape} channel={q.channel} domain={domain} size={64} alt={`${t('lesson.channel', { c: q.channel })}, ${t('why.where.out')}`} />
                    <figcaption>{t('why.where.out')}</figcaption>
                  </figure>
                </span>
              </button>
              <strong>{t('lesson.channel', { c: q.channel })}</strong>
              <span>{q.reason === 'dead' ? t('why.dead', { pct: pct(q.zeroFraction, 0) }) : t('why.faint', { peak: num(q.maxAbs, 2) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function NetworkQuiet({ card, allBlocks, t }: { card: SectionProps['card']; allBlocks: SectionProps['allBlocks']; t: SectionProps['t'] }) {
  const counts = useMemo(() => allBlocks.map((b) => (b ? { quiet: quietChannels(b.out, b.shape).length, channels: b.shape[2] } : null)), [allBlocks]);
  if (!counts.some(Boolean)) return null;
  const w = 520;
  const rowH = 22;
  const known = counts.map((c, i) => ({ c, i })).filter((x): x is { c: NonNullable<typeof x.c>; i: number } => !!x.c);
  return (
    <figure className="lesson-network-quiet" style={{ margin: '10px 0' }}>
      <figcaption className="lesson-muted">{t('why.network')}</figcaption>
      <svg className="lesson-svg" viewBox={`0 0 ${w} ${known.length * rowH + 4}`} role="img" aria-label={t('why.network')} data-testid="why-network">
        {known.map(({ c, i }, row) => {
          const id = card.architecture.blocks[i]?.id ?? `#${i}`;
          const bw = ((w - 250) * c.quiet) / c.channels;
          return (
            <g key={i} data-block={i} data-quiet={c.quiet}>
              <title>{t('why.networkBar', { block: id, count: c.quiet, channels: c.channels })}</title>
              <text x={0} y={row * rowH + 16} className="small">
                {id}
              </text>
              <rect x={130} y={row * rowH + 4} width={w - 250} height={14} fill="#eef1f4" />
              <rect x={130} y={row * rowH + 4} width={bw} height={14} fill="#555" />
              <text x={w - 112} y={row * rowH + 16} className="small">
                {c.quiet} / {c.channels}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
