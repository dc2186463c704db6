import { useMemo } from 'react';
import { channelMap, fmt } from '../compute/chartdata';
import { extent } from '../compute/domain';
import type { BlockTaps } from '../types/forward';
import type { TFn } from './useT';

/** Exact values of one channel of one block (tooltip and details panel). */
export function ChannelFacts({ taps, c, blockId, t }: { taps: BlockTaps; c: number; blockId: string; t: TFn }) {
  const facts = useMemo(() => {
    const u = extent(channelMap(taps.u, taps.shape, c));
    const out = channelMap(taps.out, taps.shape, c);
    const outMean = out.reduce((a, b) => a + b, 0) / out.length;
    const rank = taps.s ? Array.from(taps.s).filter((v) => v > taps.s![c]!).length + 1 : null;
    return { u, outMean, rank };
  }, [taps, c]);
  const C = taps.shape[2];
  return (
    <div className="facts">
      <div className="facts-title">
        {t('tooltip.block', { id: blockId })} · {t('tooltip.channel', { c })}
      </div>
      <dl>
        {taps.z ? (
          <>
            <dt>{t('tooltip.z')}</dt>
            <dd data-testid="fact-z">{fmt(taps.z[c]!, 4)}</dd>
          </>
        ) : null}
        {taps.e ? (
          <>
            <dt>{t('tooltip.e')}</dt>
            <dd>{fmt(taps.e[c]!, 4)}</dd>
          </>
        ) : null}
        {taps.s ? (
          <>
            <dt>{t('tooltip.s')}</dt>
            <dd data-testid="fact-s">{fmt(taps.s[c]!, 4)}</dd>
          </>
        ) : null}
        <dt>{t('tooltip.uRange')}</dt>
        <dd>
          {fmt(facts.u.lo)} … {fmt(facts.u.hi)}
        </dd>
        <dt>{t('tooltip.outMean')}</dt>
        <dd>{fmt(facts.outMean, 4)}</dd>
      </dl>
      {facts.rank !== null ? <div className="small">{t('tooltip.rank', { r: facts.rank, n: C })}</div> : null}
    </div>
  );
}
