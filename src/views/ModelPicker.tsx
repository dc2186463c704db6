import { useState } from 'react';
import type { ModelSummary } from '../types/models';
import { summarise } from '../compute/cardFacts';
import { appStore, drawnCard, useAppShallow } from '../store';
import { useT, type TFn } from './useT';
import { grouped } from '../i18n/format';
import { isolatedName } from '../compute/names';

/** short enough for the input column: name, accuracy, SE or not (the parameters go in the tooltip) */
function label(t: TFn, m: ModelSummary): string {
  // isolated: a right-to-left override in a model's name must not reverse the rest of the line
  const parts = [isolatedName(m.name)];
  if (m.testTop1 !== null) parts.push(`${(m.testTop1 * 100).toFixed(1)}%`);
  parts.push(m.seBlocks > 0 ? t('picker.se', { n: m.seBlocks }) : t('picker.plain'));
  if (m.origin === 'yours') parts.push(t('picker.yours'));
  return parts.join(' · ');
}

function details(t: TFn, m: ModelSummary): string {
  const parts = [isolatedName(m.name, 200)];
  if (m.testTop1 !== null) parts.push(t('model.accuracy', { acc: `${(m.testTop1 * 100).toFixed(2)}%` }));
  if (m.parameters !== null) parts.push(t('picker.params', { params: grouped(m.parameters) }));
  parts.push(m.seBlocks > 0 ? t('picker.se', { n: m.seBlocks }) : t('picker.plain'));
  parts.push(t('picker.input', { size: m.inputSize, classes: m.classes }));
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
    card: drawnCard(s),
    // the first model is still downloading: its row is drawn (no layout shift), nothing can be changed yet
    first: !s.card,
    status: s.engineStatus,
    modelId: s.modelId,
    error: s.engineError,
    lang: s.lang,
    dropped: s.overridesDropped,
    checking: s.ownModelChecking,
    ownError: s.ownModelError,
    ownNotice: s.ownModelNotice,
  }));
  const [dragging, setDragging] = useState(false);
  const loadFiles = (files: FileList | null) => {
    if (files && files.length) void appStore.getState().loadOwnModel(Array.from(files));
  };
  if (!s.card) return null;
  // until the index is read, the running model is the only choice (the row is there from the start: no layout shift)
  const models = s.models?.length ? s.models : [summarise(s.card, 'shipped')];
  const switching = !s.first && s.status === 'loading' && s.modelId !== null && s.modelId !== s.card.id;
  const target = models.find((m) => m.id === s.modelId);
  const active = models.find((m) => m.id === s.card!.id);
  return (
    <div
      className={`model-picker${dragging ? ' dragging' : ''}`}
      data-testid="model-drop"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.stopPropagation(); // the input panel's drop zone takes images, not models
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        e.stopPropagation();
        setDragging(false);
        loadFiles(e.dataTransfer.files);
      }}
    >
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
              <option key={m.id} value={m.id} title={details(t, m)}>
                {label(t, m)}
              </option>
            ))}
          </select>
        </label>
      }
      {switching ? (
        <p className="hint small" role="status" data-testid="model-switching">
          {t('picker.switching', { name: isolatedName(target?.name ?? s.modelId!) })}
        </p>
      ) : null}
      {s.status === 'ready' && s.error ? (
        <p className="notice error small" role="alert" data-testid="model-switch-error">
          {t('picker.failed', { reason: s.error, name: isolatedName(s.card.name) })}
        </p>
      ) : null}
      <div className="own-model">
        <label className="button">
          <input
            type="file"
            multiple
            accept=".json,.bin,.jsonl"
            data-testid="model-input"
            className="visually-hidden"
            disabled={s.checking || s.first}
            onChange={(e) => {
              loadFiles(e.target.files);
              e.target.value = '';
            }}
          />
          <span>{t('own.load')}</span>
        </label>
        {active?.origin === 'yours' ? (
          <button type="button" data-testid="remove-own-model" onClick={() => void appStore.getState().removeOwnModel(active.id)}>
            {t('own.remove')}
          </button>
        ) : null}
      </div>
      <p className="hint small">{t('own.help')}</p>
      {s.checking ? (
        <p className="hint small" role="status" data-testid="model-checking">
          {t('own.checking')}
        </p>
      ) : null}
      {s.ownError ? (
        <p className="notice error small" role="alert" data-testid="model-load-error">
          {t('own.failed', { reason: s.ownError, name: isolatedName(s.card.name) })}
        </p>
      ) : null}
      {s.ownNotice ? (
        <p className="hint small" role="status" data-testid="model-not-kept">
          {s.ownNotice}
        </p>
      ) : null}
      {s.dropped > 0 ? (
        <p className="hint small" role="status" data-testid="overrides-dropped">
          {t('picker.dropped', { n: s.dropped, name: isolatedName(s.card.name) })}
        </p>
      ) : null}
    </div>
  );
}
