import { useMemo } from 'react';
import type { ModelCard } from '../../types/card';
import type { BlockTaps, GateMode } from '../../types/forward';
import { gateEffect } from '../../compute/gateCompare';
import { topK } from '../../compute/chartdata';
import { fixed, percent, type ExLang, type ExT } from '../../i18n/experiments';
import { argmax } from '../../compute/channelRanking';
import { PairedBars } from './charts/PairedBars';
import { blockLabel, className, TWO } from './common';
import './experiments.css';
import { useNamespaceT } from '../useNamespaceT';

export interface GateCompareProps {
  lang: ExLang;
  card: ModelCard;
  block: number;
  /** taps of this block in the current pass (e and U do not depend on this block's gate) */
  taps: BlockTaps | null;
  /** the gate this block runs with now */
  gate: GateMode;
  /** prediction of the trained model, and with the current interventions */
  beforeProbs: ArrayLike<number> | null;
  afterProbs: ArrayLike<number> | null;
  /** interventions other than this block's gate */
  otherInterventions: number;
  busy: boolean;
  onSetGate: (block: number, gate: 'sigmoid' | 'softmax') => void;
}

function TopList({ probs, card, lang, title, testid }: { probs: ArrayLike<number>; card: ModelCard; lang: ExLang; title: string; testid: string }) {
  const top = topK(probs, 3);
  return (
    <div className="ex-gc-pred" data-testid={testid} data-top={card.classes[top[0]!.index]?.key}>
      <h4>{title}</h4>
      <ol>
        {top.map((r) => (
          <li key={r.index}>
            <span>{className(card, r.index, lang)}</span>
            <span className="ex-num">{percent(r.value)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Outcome({ before, after, card, lang, t }: { before: ArrayLike<number>; after: ArrayLike<number>; card: ModelCard; lang: ExLang; t: ExT }) {
  const a = argmax(before);
  const b = argmax(after);
  return (
    <p className="small" data-testid="gate-outcome">
      {a !== b
        ? t('gc.outcome.flip', { from: className(card, a, lang), to: className(card, b, lang) })
        : t('gc.outcome.same', { cls: className(card, a, lang), from: percent(before[a]!), to: percent(after[a]!) })}
    </p>
  );
}

/** The trained sigmoid beside a softmax on the same logits, their effect on the maps, and a run with softmax. */
export function GateCompare(p: GateCompareProps) {
  const t = useNamespaceT('experiments', p.lang);
  const id = blockLabel(p.card, p.block);
  const spec = p.card.architecture.blocks[p.block];
  const C = spec?.channels ?? 0;
  const g = useMemo(() => (p.taps?.e ? gateEffect(p.taps.e, p.taps.u, p.taps.shape[2]) : null), [p.taps]);
  const mapsMax = g ? Math.max(...g.mapsSigmoid, ...g.mapsSoftmax) : 1;

  return (
    <section className="panel ex-panel ex-gates" aria-labelledby="ex-gc-title" data-testid="gate-compare">
      <h2 id="ex-gc-title">{t('gc.title')}</h2>
      {!spec?.se ? (
        <p className="hint">{t('ex.noSE', { id })}</p>
      ) : !g ? (
        <p className="hint">{t('ex.noImage')}</p>
      ) : (
        <div className="ex-gc-grid">
          <div>
            <p className="hint">{t('gc.intro', { id })}</p>
            <p className="ex-key small">
              <span className="ex-swatch" style={{ background: TWO.sigmoid }} /> {t('gc.sigmoid')} <span className="ex-swatch" style={{ background: TWO.softmax }} /> {t('gc.softmax')}
            </p>
            <h3>{t('gc.weights')}</h3>
            <PairedBars
              a={g.sigmoid}
              b={g.softmax}
              colourA={TWO.sigmoid}
              colourB={TWO.softmax}
              max={1}
              testid="gate-weights"
              label={t('gc.aria.weights', { id, sig: fixed(g.sigmoidSum), max: fixed(g.softmaxMax, 3), c: g.softmaxArgmax })}
            />
            <p className="small">{t('gc.sums', { sig: fixed(g.sigmoidSum), soft: fixed(g.softmaxSum) })}</p>
            <h3>{t('gc.maps')}</h3>
            <PairedBars
              a={g.mapsSigmoid}
              b={g.mapsSoftmax}
              colourA={TWO.sigmoid}
              colourB={TWO.softmax}
              max={mapsMax}
              testid="gate-maps"
              tickFormat={(v) => fixed(v, 1)}
              label={t('gc.aria.maps', { id, sigE: fixed(g.energySigmoid), softE: fixed(g.energySoftmax) })}
            />
            <p className="small">{t('gc.ratio', { pct: percent(g.ratio) })}</p>
          </div>
          <div className="ex-gc-side">
            {p.gate === 'off' ? (
              <p className="hint">{t('gc.offNote')}</p>
            ) : p.gate === 'softmax' ? (
              <button type="button" onClick={() => p.onSetGate(p.block, 'sigmoid')} data-testid="gate-undo">
                {t('gc.undo')}
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => p.onSetGate(p.block, 'softmax')} data-testid="gate-run-softmax">
                {t('gc.run')}
              </button>
            )}
            {p.gate === 'softmax' && p.beforeProbs && p.afterProbs ? (
              <div className="ex-gc-preds" aria-live="polite" aria-busy={p.busy}>
                <TopList probs={p.beforeProbs} card={p.card} lang={p.lang} title={t('gc.pred.before')} testid="gate-pred-before" />
                <span className="ex-arrow" aria-hidden>
                  →
                </span>
                <TopList probs={p.afterProbs} card={p.card} lang={p.lang} title={t('gc.pred.after', { id })} testid="gate-pred-after" />
              </div>
            ) : null}
            {p.gate === 'softmax' && p.beforeProbs && p.afterProbs ? <Outcome before={p.beforeProbs} after={p.afterProbs} card={p.card} lang={p.lang} t={t} /> : null}
            {p.gate === 'softmax' && p.otherInterventions > 0 ? <p className="small">{t('gc.pred.others', { n: p.otherInterventions })}</p> : null}
            <div className="ex-explain">
              <p>{t('gc.explain1')}</p>
              <p>{t('gc.explain2', { C })}</p>
              <p>{t('gc.explain3')}</p>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
