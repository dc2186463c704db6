import { useEffect, useState } from 'react';
import { appStore, predictionIsCurrent, useAppShallow } from '../store';
import { countInterventions, rankingStale } from '../store/experimentsTransitions';
import { flushUrl } from '../store/urlSync';
import { argmax } from '../compute/channelRanking';
import { useNamespaceT } from './useNamespaceT';
import { InterventionPanel } from './experiments/InterventionPanel';
import { ChannelRanking } from './experiments/ChannelRanking';
import { GateCompare } from './experiments/GateCompare';
import { GateHistoryPanel } from './experiments/GateHistoryPanel';
import { PerClassAnalysis } from './experiments/PerClassAnalysis';
import { SeVsPlain } from './experiments/SeVsPlain';
import { TwinCompare } from './experiments/TwinCompare';

const TABS = ['interventions', 'ranking', 'gates', 'perclass', 'sevsplain'] as const;
type Tab = (typeof TABS)[number];

/**
 * The experiments of issue 5 under the block inspector, on the current image and the selected
 * block: interventions, channel ranking, gate comparison, per-class analysis, SE vs plain.
 */
export function ExperimentsView() {
  const s = useAppShallow((x) => ({
    card: x.card,
    lang: x.lang,
    block: x.selectedBlock,
    pinned: x.pinned,
    ov: x.exOverrides,
    prediction: x.prediction,
    input: x.input,
    busy: x.exBusy,
    error: x.exError,
    ranking: x.exRanking,
    imageKey: x.sessionImage?.key ?? null,
    inputId: x.input?.id ?? null,
    stats: x.excitationStats,
  }));
  const [tab, setTab] = useState<Tab>('interventions');
  const t = useNamespaceT('experiments', s.lang);
  const [shareUrl, setShareUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    void flushUrl().then(() => setShareUrl(location.href));
  }, [s.ov]);
  if (!s.card) return null;
  const a = appStore.getState();
  const card = s.card;
  const spec = card.architecture.blocks[s.block];
  const current = predictionIsCurrent(s);
  const before = current ? s.prediction!.before : null;
  const after = current ? s.prediction!.after : null;
  const channel = s.pinned && s.pinned.block === s.block ? s.pinned.channel : null;
  const gate = s.ov[s.block]?.gate ?? 'sigmoid';
  const selectChannel = (c: number) => {
    const st = appStore.getState();
    if (!st.pinned || st.pinned.block !== s.block || st.pinned.channel !== c) st.togglePin({ block: s.block, channel: c });
  };
  return (
    <section className="panel experiments" aria-label={t('tabs.label')} data-testid="experiments">
      <div role="tablist" aria-label={t('tabs.label')} className="tabs">
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`ex-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`ex-panel-${k}`}
            className={tab === k ? 'tab active' : 'tab'}
            data-testid={`ex-tab-${k}`}
            onClick={() => setTab(k)}
          >
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`ex-panel-${tab}`} aria-labelledby={`ex-tab-${tab}`}>
        {tab === 'interventions' ? (
          <InterventionPanel
            lang={s.lang}
            card={card}
            block={s.block}
            overrides={s.ov}
            before={before}
            after={after}
            busy={s.busy}
            error={s.error}
            highlightChannel={channel}
            shareUrl={shareUrl}
            onSetChannel={a.setChannelWeight}
            onZeroChannel={a.zeroChannel}
            onResetChannel={a.resetChannel}
            onSetBlockSE={a.setBlockSE}
            onSetAllSE={a.setAllSE}
            onSetGate={a.setGate}
            onRemoveBlock={a.removeBlockOverride}
            onResetAll={a.resetAll}
            onSelectBlock={a.selectBlock}
          />
        ) : null}
        {tab === 'ranking' ? (
          <ChannelRanking
            lang={s.lang}
            card={card}
            block={s.block}
            ranking={s.ranking}
            stale={rankingStale(s.ranking, s.imageKey, s.ov, s.block)}
            topClass={after ? argmax(after.probs) : null}
            canRun={!!before && !!spec?.se}
            selectedChannel={channel}
            onRun={() => void a.rankChannels(s.block)}
            onCancel={a.cancelRanking}
            onSelect={selectChannel}
          />
        ) : null}
        {tab === 'gates' ? (
          <GateCompare
            lang={s.lang}
            card={card}
            block={s.block}
            taps={after?.blocks[s.block] ?? before?.blocks[s.block] ?? null}
            gate={gate}
            beforeProbs={before?.probs ?? null}
            afterProbs={after?.probs ?? null}
            otherInterventions={countInterventions(s.ov) - (gate === 'softmax' ? 1 : 0)}
            busy={s.busy}
            onSetGate={a.setGate}
          />
        ) : null}
        {tab === 'perclass' ? (
          <>
            {card.files.excitationStats ? (
              <PerClassAnalysis
                lang={s.lang}
                card={card}
                stats={s.stats}
                block={s.block}
                currentS={before?.blocks[s.block]?.sModel ?? null}
                highlightChannel={channel}
                onSelectBlock={a.selectBlock}
              />
            ) : (
              <p>{t('tabs.statsMissing')}</p>
            )}
            <GateHistoryPanel lang={s.lang} card={card} block={s.block} onSelectBlock={a.selectBlock} />
          </>
        ) : null}
        {tab === 'sevsplain' ? (
          <>
            <TwinCompare lang={s.lang} />
            <SeVsPlain lang={s.lang} card={card} />
          </>
        ) : null}
      </div>
    </section>
  );
}
