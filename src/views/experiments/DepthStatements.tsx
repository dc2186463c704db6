import type { ModelCard } from '../../types/card';
import type { DepthFacts } from '../../compute/depthSummary';
import type { BlockSpecificity } from '../../compute/excitationStats';
import { FIXED_GATE_SD } from '../../compute/gateLiveness';
import { fixed, percent, type ExT } from '../../i18n/experiments';
import { blockLabel } from './common';

/** The paper's qualitative finding beside a sentence built from our own numbers. */
export function DepthStatements({ facts, trend, card, t }: { facts: DepthFacts; trend: BlockSpecificity[]; card: ModelCard; t: ExT }) {
  const fixedOnes = trend.filter((b) => b.fixed);
  const trendKey = facts.specificity === 'rises' ? 'dt.ours.rises' : facts.specificity === 'falls' ? 'dt.ours.falls' : 'dt.ours.flat';
  return (
    <div className="ex-statements">
      <section className="ex-paper" aria-labelledby="ex-dt-paper">
        <h4 id="ex-dt-paper">{t('dt.paper.title')}</h4>
        <p>{t('dt.paper')}</p>
      </section>
      <section className="ex-ours" aria-labelledby="ex-dt-ours" data-testid="depth-ours" data-matches={facts.matchesPaper}>
        <h4 id="ex-dt-ours">{t('dt.ours.title')}</h4>
        {fixedOnes.length ? (
          <p data-testid="depth-fixed-note">
            {facts.hasLiveBlocks
              ? t(fixedOnes.length > 1 ? 'dt.ours.fixedMany' : 'dt.ours.fixed', {
                  ids: fixedOnes.map((b) => blockLabel(card, b.block)).join(', '),
                  sds: fixedOnes.map((b) => fixed(b.gateSd, 4)).join(', '),
                  threshold: fixed(FIXED_GATE_SD, 3),
                })
              : t('dt.ours.noLive')}
          </p>
        ) : null}
        <p hidden={!facts.hasLiveBlocks}>
          {t(trendKey, {
            early: fixed(facts.earlyShare),
            late: fixed(facts.lateShare),
            peak: fixed(facts.peakShare),
            peakId: blockLabel(card, facts.peakBlock),
          })}{' '}
          {facts.noneSaturated
            ? t('dt.ours.satNone', { mean: fixed(facts.lastMean) })
            : facts.lastMostSaturated
            ? t('dt.ours.satYes', { sat: percent(facts.lastSaturated, 0), mean: fixed(facts.lastMean) })
            : t('dt.ours.satNo', { sat: percent(facts.lastSaturated, 0), other: percent(facts.othersMaxSaturated, 0), mean: fixed(facts.lastMean) })}
        </p>
        <p>
          {facts.matchesPaper
            ? t('dt.ours.match')
            : facts.specificity === 'rises'
              ? t('dt.ours.partialSat')
              : facts.lastMostSaturated
                ? t('dt.ours.partialSpec')
                : t('dt.ours.differ')}
        </p>
        {card.interim ? <p className="small">{t('dt.interim', { epochs: card.training.epochs, planned: card.training.plannedEpochs })}</p> : null}
      </section>
    </div>
  );
}
