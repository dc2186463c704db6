import { useEffect } from 'react';
import type { ModelSummary } from '../types/models';
import { summarise } from '../compute/cardFacts';
import { appStore, useAppShallow } from '../store';
import { useT, type TFn } from './useT';

function label(t: TFn, m: ModelSummary, lang: string): string {
  const parts = [m.name];
  if (m.testTop1 !== null) parts.push(t('model.accuracy', { acc: `${(m.testTop1 * 100).toFixed(1)}%` }));
  if (m.parameters !== null) parts.push(t('picker.params', { params: m.parameters.toLocaleString(lang) }));
  parts.push(m.seBlocks > 0 ? t('picker.se', { n: m.seBlocks }) : t('picker.plain'));
  return parts.join(' · ');
}

/**
 * Which model runs: every model of public/models/index.json, with its accuracy, size and whether
 * it has SE blocks. Switching keeps the image and runs it again; if the new model cannot be
 * loaded, the one before keeps running and the reason is shown.
 */
export function ModelPicker() {
  const t = useT();
  const s = useAppShallow((s) => ({
    models: s.models,
    card: s.card,
    status: s.engineStatus,
    modelId: s.modelId,
    error: s.engineError,
    lang: s.lang,
    dropped: s.overridesDropped,
  }));
  useEffect(() => {
    if (appStore.getState().models === null) void appStore.getState().loadModelIndex();
  }, []);
  if (!s.card) return null;
  // until the index is read, the running model is the only choice (the row is there from the start: no layout shift)
  const models = s.models?.length ? s.models : [summarise(s.card, 'shipped')];
  const switching = s.status === 'loading' && s.modelId !== null && s.modelId !== s.card.id;
  const target = models.find((m) => m.id === s.modelId);
  return (
    <div className="model-picker">
      {
        <label>
          <span>{t('picker.label')}</span>
          <select
            data-testid="model-picker"
            value={switching ? s.modelId! : s.card.id}
            disabled={s.status === 'loading' || models.length < 2}
            onChange={(e) => void appStore.getState().switchModel(e.target.value)}
          >
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {label(t, m, s.lang)}
              </option>
            ))}
          </select>
        </label>
      }
      {switching ? (
        <p className="hint small" role="status" data-testid="model-switching">
          {t('picker.switching', { name: target?.name ?? s.modelId! })}
        </p>
      ) : null}
      {s.status === 'ready' && s.error ? (
        <p className="notice error small" role="alert" data-testid="model-switch-error">
          {t('picker.failed', { reason: s.error, name: s.card.name })}
        </p>
      ) : null}
      {s.dropped > 0 ? (
        <p className="hint small" role="status" data-testid="overrides-dropped">
          {t('picker.dropped', { n: s.dropped, name: s.card.name })}
        </p>
      ) : null}
    </div>
  );
}
