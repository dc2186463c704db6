import { memo } from 'react';
import type { ModelCard } from '../../types/card';
import type { Overrides } from '../../types/forward';
import { fixed, type ExT } from '../../i18n/experiments';
import { overriddenBlocks } from '../../compute/overridesCodec';
import { countInterventions } from '../../store/experimentsTransitions';
import { blockLabel } from './common';

export interface OverrideListProps {
  card: ModelCard;
  overrides: Overrides;
  selectedBlock: number;
  t: ExT;
  onResetChannel: (block: number, c: number) => void;
  onSetBlockSE: (block: number, on: boolean) => void;
  onSetGate: (block: number, gate: 'sigmoid' | 'softmax') => void;
  onRemoveBlock: (block: number) => void;
  onSelectBlock?: (block: number) => void;
}

/** Every intervention in every block, each with its own remove button. */
export const OverrideList = memo(function OverrideList(p: OverrideListProps) {
  const blocks = overriddenBlocks(p.overrides);
  const { t } = p;
  return (
    <section className="ex-overrides" aria-labelledby="ex-overrides-title" data-testid="override-list">
      <h3 id="ex-overrides-title">
        {t('iv.list.title')}
        {blocks.length ? <span className="small"> · {t('iv.list.count', { n: countInterventions(p.overrides), blocks: blocks.length })}</span> : null}
      </h3>
      {blocks.length === 0 ? (
        <p className="hint">{t('iv.list.empty')}</p>
      ) : (
        <ul>
          {blocks.map((b) => {
            const o = p.overrides[b]!;
            const id = blockLabel(p.card, b);
            const chips: { key: string; text: string; remove: () => void }[] = [];
            if (o.gate === 'off') chips.push({ key: 'gate', text: t('iv.list.seOff'), remove: () => p.onSetBlockSE(b, true) });
            if (o.gate === 'softmax') chips.push({ key: 'gate', text: t('iv.list.softmax'), remove: () => p.onSetGate(b, 'sigmoid') });
            for (const [c, v] of Object.entries(o.channels ?? {}).sort((x, y) => Number(x[0]) - Number(y[0]))) {
              chips.push({ key: `c${c}`, text: t('iv.list.channel', { c, v: fixed(v) }), remove: () => p.onResetChannel(b, Number(c)) });
            }
            return (
              <li key={b} data-block={b} className={b === p.selectedBlock ? 'selected' : undefined}>
                {p.onSelectBlock ? (
                  <button type="button" className="link ex-block-name" onClick={() => p.onSelectBlock!(b)}>
                    {t('ex.block', { id })}
                  </button>
                ) : (
                  <span className="ex-block-name">{t('ex.block', { id })}</span>
                )}
                <span className="ex-chips">
                  {chips.map((ch) => (
                    <span key={ch.key} className="ex-chip">
                      {ch.text}
                      <button type="button" onClick={ch.remove} aria-label={t('iv.list.remove', { what: `${t('ex.block', { id })} ${ch.text}` })} data-testid="remove-override">
                        ×
                      </button>
                    </span>
                  ))}
                </span>
                <button type="button" className="link small" onClick={() => p.onRemoveBlock(b)}>
                  {t('iv.list.removeBlock', { id })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
