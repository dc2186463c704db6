import { useMemo, useState } from 'react';
import { seBlockIndices } from '../../compute/cardFacts';
import type { ModelCard } from '../../types/card';
import type { ForwardResult, Overrides } from '../../types/forward';
import type { ExLang } from '../../i18n/experiments';
import { percent } from '../../i18n/experiments';
import { probDeltas } from '../../compute/probDelta';
import { allSEOff, isSEOff } from '../../store/experimentsTransitions';
import { overridesKey } from '../../types/overridesKey';
import { argmax } from '../../compute/channelRanking';
import { ChannelSliders } from './ChannelSliders';
import { OverrideList } from './OverrideList';
import { ProbDeltaBars } from './charts/ProbDeltaBars';
import { blockLabel, className, TWO } from './common';
import './experiments.css';
import { useNamespaceT } from '../useNamespaceT';

export interface InterventionPanelProps {
  lang: ExLang;
  card: ModelCard;
  /** the selected block */
  block: number;
  overrides: Overrides;
  /** prediction without interventions (all taps), null while none */
  before: ForwardResult | null;
  /** prediction with the overrides (all taps), null while none */
  after: ForwardResult | null;
  busy: boolean;
  error?: string | null;
  highlightChannel?: number | null;
  /** full link to these interventions, or null to hide the share box */
  shareUrl?: string | null;
  onSetChannel: (block: number, c: number, v: number) => void;
  onZeroChannel: (block: number, c: number) => void;
  onResetChannel: (block: number, c: number) => void;
  onSetBlockSE: (block: number, on: boolean) => void;
  onSetAllSE: (off: boolean) => void;
  onSetGate: (block: number, gate: 'sigmoid' | 'softmax') => void;
  onRemoveBlock: (block: number) => void;
  onResetAll: () => void;
  onSelectBlock?: (block: number) => void;
}

/** Sliders for the selected block, SE switches, the list of every intervention and the class changes. */
export function InterventionPanel(p: InterventionPanelProps) {
  const t = useNamespaceT('experiments', p.lang);
  const { card, block } = p;
  const spec = card.architecture.blocks[block];
  const id = blockLabel(card, block);
  const seBlocks = useMemo(() => seBlockIndices(card), [card]);
  const taps = p.after?.blocks[block] ?? p.before?.blocks[block] ?? null;
  const rows = useMemo(() => (p.before && p.after ? probDeltas(p.before.probs, p.after.probs) : []), [p.before, p.after]);
  const name = (k: number) => className(card, k, p.lang);
  const none = overridesKey(p.overrides) === '';
  const offHere = isSEOff(p.overrides, block);
  const offAll = allSEOff(p.overrides, seBlocks);
  const [copied, setCopied] = useState(false);

  return (
    <section className="panel ex-panel ex-interventions" aria-labelledby="ex-iv-title" aria-busy={p.busy}>
      <div className="row space wrap">
        <h2 id="ex-iv-title">{t('iv.title')}</h2>
        <span className="ex-status" aria-live="polite">
          {p.busy ? t('ex.busy') : ''}
        </span>
      </div>
      <p className="hint">{t('iv.intro')}</p>
      {p.error ? (
        <p className="error" role="alert">
          {t('ex.error', { reason: p.error })}
        </p>
      ) : null}
      {!p.before ? (
        <p className="hint">{t('ex.noImage')}</p>
      ) : (
        <div className="ex-iv-grid">
          <div className="ex-iv-left">
            <div className="row space wrap ex-iv-head">
              <h3>{t('iv.heading', { id, C: spec?.channels ?? 0 })}</h3>
              <div className="row wrap">
                <button type="button" aria-pressed={offHere} className={offHere ? 'on' : undefined} disabled={!spec?.se} onClick={() => p.onSetBlockSE(block, offHere)} data-testid="se-off-block">
                  {t('iv.seOffBlock')}
                </button>
                <button type="button" aria-pressed={offAll} className={offAll ? 'on' : undefined} onClick={() => p.onSetAllSE(!offAll)} data-testid="se-off-all">
                  {t('iv.seOffAll')}
                </button>
                <button type="button" disabled={none} onClick={p.onResetAll} data-testid="reset-overrides">
                  {t('iv.reset')}
                </button>
              </div>
            </div>
            {!spec?.se ? (
              <p className="hint">{t('ex.noSE', { id })}</p>
            ) : (
              <>
                {p.overrides[block]?.gate === 'softmax' ? <p className="hint small">{t('iv.softmaxHere')}</p> : null}
                <p className="ex-key small" aria-hidden>
                  <span className="ex-key-tick" /> {t('iv.legend.model')} <span className="ex-key-forced" /> {t('iv.legend.forced')}
                </p>
                <ChannelSliders
                  block={block}
                  blockId={id}
                  model={taps?.sModel ?? null}
                  applied={taps?.s ?? null}
                  forced={p.overrides[block]?.channels ?? {}}
                  channels={spec.channels}
                  highlight={p.highlightChannel ?? null}
                  disabled={false}
                  t={t}
                  onSet={p.onSetChannel}
                  onZero={p.onZeroChannel}
                  onReset={p.onResetChannel}
                />
              </>
            )}
          </div>
          <div className="ex-iv-right">
            <OverrideList
              card={card}
              overrides={p.overrides}
              selectedBlock={block}
              t={t}
              onResetChannel={p.onResetChannel}
              onSetBlockSE={p.onSetBlockSE}
              onSetGate={p.onSetGate}
              onRemoveBlock={p.onRemoveBlock}
              onSelectBlock={p.onSelectBlock}
            />
            <section aria-labelledby="ex-probs-title">
              <h3 id="ex-probs-title">{t('iv.probs.title')}</h3>
              <p className="ex-key small">
                <span className="ex-swatch" style={{ background: TWO.before }} /> {t('iv.probs.before')} <span className="ex-swatch" style={{ background: TWO.after }} /> {t('iv.probs.after')}
              </p>
              {p.before && p.after ? (
                <p className="small">
                  {t('iv.probs.top', {
                    before: `${name(argmax(p.before.probs))} ${percent(p.before.probs[argmax(p.before.probs)]!)}`,
                    after: `${name(argmax(p.after.probs))} ${percent(p.after.probs[argmax(p.after.probs)]!)}`,
                  })}
                </p>
              ) : null}
              {none ? <p className="hint small">{t('iv.probs.same')}</p> : null}
              <ProbDeltaBars rows={rows} name={name} classKey={(k) => card.classes[k]?.key ?? String(k)} t={t} />
            </section>
            {p.shareUrl ? (
              <div className="ex-share">
                <label>
                  <span className="small">{t('iv.share')}</span>
                  <input readOnly value={p.shareUrl} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
                </label>
                <button
                  type="button"
                  onClick={() => {
                    void navigator.clipboard?.writeText(p.shareUrl!).then(
                      () => {
                        setCopied(true);
                        setTimeout(() => setCopied(false), 1500);
                      },
                      () => setCopied(false),
                    );
                  }}
                >
                  {copied ? t('iv.copied') : t('iv.copy')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}
