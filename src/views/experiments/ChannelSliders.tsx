import { memo } from 'react';
import { fixed, type ExT } from '../../i18n/experiments';

export interface ChannelSlidersProps {
  block: number;
  /** the block's label for people, e.g. "2.1" */
  blockId: string;
  /** the model's own s for each channel (trained gate, given the earlier blocks), or null */
  model: ArrayLike<number> | null;
  /** the s actually applied now (after the gate and every override), or null */
  applied: ArrayLike<number> | null;
  /** forced values of this block */
  forced: Record<number, number>;
  channels: number;
  highlight: number | null;
  disabled: boolean;
  t: ExT;
  onSet: (block: number, c: number, v: number) => void;
  onZero: (block: number, c: number) => void;
  onReset: (block: number, c: number) => void;
}

/** A 0..1 slider per channel with a tick at the model's own value; × sets 0, ↺ gives it back. */
export const ChannelSliders = memo(function ChannelSliders(p: ChannelSlidersProps) {
  return (
    <ul className="ex-sliders" aria-label={p.t('iv.sliders', { id: p.blockId })}>
      {Array.from({ length: p.channels }, (_, c) => {
        const model = p.model ? p.model[c]! : null;
        const isForced = c in p.forced;
        const value = isForced ? p.forced[c]! : p.applied ? p.applied[c]! : (model ?? 1);
        return (
          <li key={c} className={`${isForced ? 'forced' : ''}${p.highlight === c ? ' ex-hl' : ''}`} data-channel={c}>
            <span className="ex-ch">{c}</span>
            <span className="ex-slider">
              {model !== null ? <span className="ex-model-tick" style={{ left: `${model * 100}%` }} aria-hidden title={fixed(model)} /> : null}
              <input
                type="range"
                min={0}
                max={1}
                step={0.01}
                value={value}
                disabled={p.disabled}
                data-testid="override-slider"
                data-channel={c}
                data-value={value}
                aria-label={p.t('iv.slider.aria', { c, model: model === null ? '–' : fixed(model) })}
                aria-valuetext={fixed(value)}
                onChange={(e) => p.onSet(p.block, c, Number(e.currentTarget.value))}
              />
            </span>
            <span className="ex-val">{fixed(value)}</span>
            <button type="button" className="ex-mini" disabled={p.disabled || (isForced && value === 0)} onClick={() => p.onZero(p.block, c)} aria-label={p.t('iv.zero', { c })} title={p.t('iv.zero', { c })} data-testid="zero-channel">
              0
            </button>
            <button type="button" className="ex-mini" disabled={p.disabled || !isForced} onClick={() => p.onReset(p.block, c)} aria-label={p.t('iv.resetChannel', { c })} title={p.t('iv.resetChannel', { c })}>
              ↺
            </button>
          </li>
        );
      })}
    </ul>
  );
});
