import { useMemo } from 'react';
import type { ModelCard } from '../../types/card';
import type { ForwardResult } from '../../types/forward';
import { HeatmapGrid } from '../../charts/HeatmapGrid';
import { paletteFor } from '../../charts/scales';
import { channelOrder, topK } from '../../compute/chartdata';
import { mapDomains } from '../../compute/domain';
import { className, twinOf } from '../../compute/cardFacts';
import { percent, type ExLang } from '../../i18n/experiments';
import { appStore, shownResult, useAppShallow } from '../../store';
import { useNamespaceT } from '../useNamespaceT';
import { blockLabel } from './common';
import { shortName } from '../../compute/names';

const none = () => {};

/** One network's side: its top-5 and the output maps of the selected block. */
function Side(p: { testid: string; card: ModelCard; result: ForwardResult; block: number; lang: ExLang; title: string; channelLabel: (c: number) => string }) {
  const top = useMemo(() => topK(p.result.probs, 5), [p.result]);
  const taps = p.result.blocks[p.block] ?? null;
  const order = useMemo(() => (taps ? channelOrder(taps.shape[2], 'index', null, null) : []), [taps]);
  const domains = useMemo(() => (taps ? mapDomains(p.result.blocks, p.block, 'out', 'block') : []), [taps, p.result, p.block]);
  return (
    <div className="ex-twin-side" data-testid={p.testid} data-top={p.card.classes[top[0]?.index ?? 0]?.key}>
      <h4>{p.title}</h4>
      <ol className="topk">
        {top.map((r) => (
          <li key={r.index} data-class={p.card.classes[r.index]?.key}>
            <span className="label">{className(p.card, r.index, p.lang)}</span> <span className="prob">{percent(r.value)}</span>
          </li>
        ))}
      </ol>
      {taps ? (
        <HeatmapGrid name={`${p.testid}-out`} data={taps.out} shape={taps.shape} order={order} domains={domains} palette={paletteFor('out')} highlight={null} channelLabel={p.channelLabel} onHover={none} onPick={none} />
      ) : null}
    </div>
  );
}

/**
 * The current image through both networks side by side, when the twin is shipped: top-5 of each
 * and the output maps of the selected block (same block, same shape: the residual add without
 * and with SE).
 */
export function TwinCompare({ lang }: { lang: ExLang }) {
  const t = useNamespaceT('experiments', lang);
  const s = useAppShallow((x) => ({
    card: x.card,
    models: x.models,
    input: x.input,
    prediction: x.prediction,
    block: x.selectedBlock,
    twin: x.twin,
    status: x.twinStatus,
    error: x.twinError,
  }));
  if (!s.card) return null;
  const other = twinOf(s.card, s.models ?? []);
  if (!other) return null;
  const shown = shownResult(s);
  const current = s.twin && s.input && s.twin.image === s.input.id ? s.twin : null;
  const label = (c: number) => t('tw.channel', { c });
  return (
    <section className="ex-twin" aria-labelledby="ex-twin-title" data-testid="twin-compare">
      <h3 id="ex-twin-title">{t('tw.title', { other: other.name })}</h3>
      <p className="hint">{t('tw.intro', { block: blockLabel(s.card, s.block) })}</p>
      {!current ? (
        <button type="button" data-testid="twin-run" disabled={!shown || s.status === 'running'} onClick={() => void appStore.getState().runTwin()}>
          {s.status === 'running' ? t('tw.running', { other: other.name }) : t('tw.run', { other: other.name })}
        </button>
      ) : null}
      {s.status === 'error' ? (
        <p className="notice error small" role="alert">
          {t('tw.failed', { reason: s.error ?? '' })}
        </p>
      ) : null}
      {current && shown ? (
        <div className="ex-twin-grid">
          <Side testid="twin-this" card={s.card} result={shown} block={s.block} lang={lang} title={shortName(s.card.name)} channelLabel={label} />
          <Side testid="twin-other" card={current.card} result={current.result} block={s.block} lang={lang} title={shortName(current.card.name)} channelLabel={label} />
        </div>
      ) : null}
    </section>
  );
}
