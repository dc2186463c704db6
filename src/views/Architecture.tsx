import type { CSSProperties } from 'react';
import { HeatmapCanvas } from '../charts/Heatmap';
import { fmt } from '../compute/chartdata';
import type { BlockSpec } from '../types/card';
import { appStore, drawnCard, shownResult, useAppShallow } from '../store';
import { useT } from './useT';
import { useGateLiveness } from './useGateLiveness';

const UNIT = { lo: 0, hi: 1 };

const dims = (h: number, w: number, c: number) => `${h}×${w}×${c}`;

export function Architecture() {
  const t = useT();
  const s = useAppShallow((s) => ({ card: s.card, drawn: drawnCard(s), selected: s.selectedBlock, prediction: s.prediction, input: s.input }));
  const live = useGateLiveness();
  // while the first model's weights download, its card already gives the architecture
  const card = s.drawn;
  if (!card) return null;
  const a = card.architecture;
  const taps = shownResult(s)?.blocks ?? [];
  const block = (b: BlockSpec, n: number) => {
    const tap = taps[b.index];
    const sel = b.index === s.selected;
    const meanS = tap?.s ? tap.s.reduce((x, y) => x + y, 0) / tap.s.length : null;
    const fixedGate = !!b.se && !!live?.byBlock.get(b.index)?.fixed;
    return (
      <button
        key={b.index}
        type="button"
        className={`block${sel ? ' selected' : ''}${b.se ? '' : ' no-se'}${fixedGate ? ' fixed-gate' : ''}`}
        aria-pressed={sel}
        aria-label={t('arch.select', { id: b.id }) + (fixedGate ? ` (${t('arch.fixed')})` : '')}
        title={fixedGate ? t('arch.fixedTitle', { id: b.id }) : b.id}
        data-fixed-gate={fixedGate || undefined}
        data-testid={`block-${b.index}`}
        data-block-id={b.id}
        onClick={() => appStore.getState().selectBlock(b.index)}
      >
        <span className="block-line">
          <span className="block-id">{t('arch.block', { n })}</span>
          <span className="block-dims">{dims(b.outputSize, b.outputSize, b.channels)}</span>
        </span>
        <span className="block-se">
          {b.se ? t('arch.se', { r: b.se.reduction }) : t('arch.noSe')}
          {b.shortcut === 'projection' ? ` · ${t('arch.projection')}` : ''}
          {fixedGate ? (
            <span className="fixed-badge" data-testid="block-fixed-badge">
              {' · '}
              {t('arch.fixed')}
            </span>
          ) : null}
        </span>
        {tap?.s ? (
          <HeatmapCanvas values={tap.s} w={tap.s.length} h={1} domain={UNIT} palette="cividis" className="mini-s" label={t('arch.meanS', { v: fmt(meanS!) })} />
        ) : b.se ? (
          // the strip's room, kept until the first result fills it (the panel does not grow then)
          <span className="mini-s mini-s-empty" aria-hidden />
        ) : null}
      </button>
    );
  };
  return (
    <section className="panel arch" aria-labelledby="arch-title">
      <h2 id="arch-title">{t('arch.title')}</h2>
      <ol className="flow" data-testid="architecture" style={{ '--stages': a.stages.length } as CSSProperties}>
        <li className="ends">
          <div className="node io">
            <span>{t('arch.input')}</span>
            <span className="block-dims">{dims(a.inputSize, a.inputSize, a.inputChannels)}</span>
          </div>
          <span className="arrow" aria-hidden>↓</span>
          <div className="node">
            <span>{t('arch.stem')}</span>
            <span className="small">{t('arch.stemDetail', { k: a.stem.kernel })}</span>
            <span className="block-dims">{dims(a.inputSize / a.stem.stride, a.inputSize / a.stem.stride, a.stem.channels)}</span>
          </div>
        </li>
        {a.stages.map((st) => (
          <li className="stage" key={st.index} data-testid={`stage-${st.index}`}>
            <span className="stage-title">{t('arch.stage', { n: st.index + 1 })}</span>
            <div className="stage-blocks">{a.blocks.filter((b) => b.stage === st.index).map((b, i) => block(b, i + 1))}</div>
          </li>
        ))}
        <li className="ends">
          <div className="node">
            <span>{t('arch.gap')}</span>
            <span className="block-dims">{dims(1, 1, a.head.inFeatures)}</span>
          </div>
          <span className="arrow" aria-hidden>↓</span>
          <div className="node io">
            <span>{t('arch.fc', { n: a.head.classes })}</span>
          </div>
        </li>
      </ol>
    </section>
  );
}
