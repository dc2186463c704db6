import { useMemo } from 'react';
import { topK } from '../compute/chartdata';
import { drawnCard, isRunning, shownResult, startupImageComing, useAppShallow } from '../store';
import { classTitle, className, isPlain, modelName } from '../compute/cardFacts';
import { useT } from './useT';
import { ModelPicker } from './ModelPicker';
import { SeenImage } from './SeenImage';
import { grouped } from '../i18n/format';
import { fullName, isolatedName } from '../compute/names';

export function Prediction() {
  const t = useT();
  const s = useAppShallow((s) => ({ input: s.input, prediction: s.prediction, card: s.card, drawn: drawnCard(s), lang: s.lang, running: isRunning(s), warning: s.modelWarning, coming: startupImageComing(s) }));
  const shown = shownResult(s);
  const current = !!shown;
  // the engine refuses models whose check images give NaN; this guards any other image
  const finite = !!shown && shown.probs.every(Number.isFinite);
  const top = useMemo(() => (shown ? topK(shown.probs, 5) : []), [shown]);
  const name = (i: number) => className(s.card, i, s.lang);
  const title = (i: number) => classTitle(s.card, i, s.lang);
  return (
    <section className="panel prediction" aria-labelledby="prediction-title" aria-live="polite" aria-busy={s.running}>
      <h2 id="prediction-title">{t('prediction.title')}</h2>
      <SeenImage />
      {!s.input && !s.coming ? (
        <p className="hint">{t('prediction.none')}</p>
      ) : !current ? (
        <div className="prediction-pending">
          <p className="hint" data-testid="prediction-pending">
            {t(s.input ? 'prediction.waiting' : 'prediction.coming')}
          </p>
          <ResultRoom rows={Math.min(5, s.drawn?.classes.length ?? 5)} />
        </div>
      ) : !finite ? (
        <p className="notice error small" role="alert" data-testid="prediction-nonfinite">
          {t('prediction.nonFinite')}
        </p>
      ) : (
        <>
          <p
            className="top1"
            data-testid="top1"
            data-class={s.card?.classes[top[0]!.index]?.key}
            data-prob={top[0]!.value}
          >
            <bdi className="label" title={title(top[0]!.index)}>
              {name(top[0]!.index)}
            </bdi>
            <span className="prob">{(top[0]!.value * 100).toFixed(1)}%</span>
          </p>
          <ol className="topk" aria-label={t('prediction.top', { k: top.length })} data-testid="topk">
            {top.map((r) => (
              <li key={r.index} data-class={s.card?.classes[r.index]?.key}>
                <bdi className="label" title={title(r.index)}>
                  {name(r.index)}
                </bdi>
                <span className="bar" aria-hidden>
                  <span style={{ width: `${Math.max(0.5, r.value * 100)}%` }} />
                </span>
                <span className="prob">{(r.value * 100).toFixed(1)}%</span>
              </li>
            ))}
          </ol>
          {s.running ? (
            <p className="hint small rerun" data-testid="prediction-rerun">
              {t('prediction.waiting')}
            </p>
          ) : null}
        </>
      )}
      {s.drawn ? (
        <p className="model-line small" data-testid="model-line">
          <bdi data-testid="model-name" title={fullName(s.drawn.name)}>
            {modelName(s.drawn)}
          </bdi>
          <span>{t('model.accuracy', { acc: `${(s.drawn.metrics.testTop1 * 100).toFixed(1)}%` })}</span>
          <span>
            {isPlain(s.drawn)
              ? t('model.paramsPlain', { params: grouped(s.drawn.complexity.params) })
              : t('model.params', { params: grouped(s.drawn.complexity.params), se: grouped(s.drawn.complexity.paramsWithSE - s.drawn.complexity.paramsWithoutSE) })}
          </span>
          {s.drawn.interim ? <span className="badge">{t('model.interim')}</span> : null}
        </p>
      ) : null}
      {s.card && s.warning === 'same-output' ? (
        <p className="notice warn small" role="status" data-testid="model-warning">
          {t('model.sameOutput', { name: isolatedName(s.card.name) })}
        </p>
      ) : null}
      <ModelPicker />
    </section>
  );
}

/**
 * The result's lines, empty and invisible, while the first pass runs: the panel has the height
 * of its result from the start, so the input panel under it does not jump down when the answer
 * comes (on a first visit it used to be pushed out of the window, a layout shift of 0.06).
 */
function ResultRoom({ rows }: { rows: number }) {
  return (
    <div className="result-room" aria-hidden>
      <p className="top1">
        <span className="label">&nbsp;</span>
      </p>
      <ol className="topk">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i}>
            <span className="label">&nbsp;</span>
            <span className="bar" />
            <span className="prob">&nbsp;</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
