import { useMemo } from 'react';
import type { ModelCard } from '../../types/card';
import { gateHistory } from '../../compute/gateHistory';
import { FIXED_GATE_SD } from '../../compute/gateLiveness';
import { fixed, type ExLang } from '../../i18n/experiments';
import { useNamespaceT } from '../useNamespaceT';
import { GateHistoryChart } from './charts/GateHistoryChart';
import { blockLabel } from './common';

// Okabe–Ito per stage; the blocks of a stage differ by dash
const STAGE_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7'];
const BLOCK_DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/** "How the gates learned": each SE block's across-image sd of s over the training epochs. */
export function GateHistoryPanel({ lang, card, block, onSelectBlock }: { lang: ExLang; card: ModelCard; block: number; onSelectBlock?: (block: number) => void }) {
  const t = useNamespaceT('experiments', lang);
  const history = useMemo(() => gateHistory(card), [card]);
  const style = useMemo(() => {
    const blocks = card.architecture.blocks;
    return (b: number) => {
      const spec = blocks[b];
      const inStage = spec ? blocks.filter((o) => o.stage === spec.stage && o.index < b).length : 0;
      return { colour: STAGE_COLOURS[(spec?.stage ?? 0) % STAGE_COLOURS.length]!, dash: BLOCK_DASHES[inStage % BLOCK_DASHES.length]! };
    };
  }, [card]);
  if (!history) {
    return (
      <section className="panel ex-panel" aria-labelledby="ex-gh-title" data-testid="gate-history-panel">
        <h2 id="ex-gh-title">{t('gh.title')}</h2>
        <p className="hint" data-testid="gate-history-none">{t('gh.none')}</p>
      </section>
    );
  }
  const epochs = history.epochs;
  const fixedOnes = history.series.filter((s) => s.fixedFrom !== null);
  return (
    <section className="panel ex-panel" aria-labelledby="ex-gh-title" data-testid="gate-history-panel">
      <h2 id="ex-gh-title">{t('gh.title')}</h2>
      <p className="hint">{t('gh.intro')}</p>
      <GateHistoryChart
        series={history.series}
        style={style}
        threshold={FIXED_GATE_SD}
        thresholdLabel={t('gh.threshold', { threshold: fixed(FIXED_GATE_SD, 3) })}
        selected={block}
        onSelect={onSelectBlock}
        axisX={t('gh.axisX')}
        axisY={t('gh.axisY')}
        label={t('gh.aria', { n: epochs.length, from: epochs[0]!, to: epochs[epochs.length - 1]! })}
      />
      <ul className="ex-gate-legend small">
        {history.series.map((s) => {
          const st = style(s.block);
          return (
            <li key={s.block}>
              <button type="button" className={s.block === block ? 'on' : undefined} aria-pressed={s.block === block} onClick={onSelectBlock ? () => onSelectBlock(s.block) : undefined}>
                <svg width="26" height="10" aria-hidden>
                  <line x1="1" x2="25" y1="5" y2="5" stroke={st.colour} strokeWidth="2.5" strokeDasharray={st.dash || undefined} />
                </svg>
                {blockLabel(card, s.block)}
              </button>
            </li>
          );
        })}
      </ul>
      <p data-testid="gate-history-summary">
        {fixedOnes.length
          ? fixedOnes.map((s) => t('gh.fixedFrom', { id: blockLabel(card, s.block), epoch: s.fixedFrom! })).join(' ')
          : t('gh.allAlive', { epoch: epochs[epochs.length - 1]! })}
      </p>
      <p className="small">{t('gh.floor')}</p>
    </section>
  );
}
