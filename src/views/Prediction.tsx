import { useMemo } from 'react';
import { topK } from '../compute/chartdata';
import { isRunning, shownResult, useAppShallow } from '../store';
import { classTitle, className, isPlain, modelName } from '../compute/cardFacts';
import { useT } from './useT';
import { ModelPicker } from './ModelPicker';
import { SeenImage } from './SeenImage';
import { grouped } from '../i18n/format';
import { fullName, isolatedName } from '../compute/names';

export function Prediction() {
  const t = useT();
  const s = useAppShallow((s) => ({ input: s.input, prediction: s.prediction, card: s.card, lang: s.lang, running: isRunning(s), warning: s.modelWarning }));
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
      {!s.input ? (
        <p className="hint">{t('prediction.none')}</p>
      ) : !current ? (
        <p className="hint" data-testid="prediction-pending">{t('prediction.waiting')}</p>
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
          {s.running ? <p className="hint small">{t('prediction.waiting')}</p> : null}
        </>
      )}
      {s.card ? (
        <p className="model-line small" data-testid="model-line">
          <bdi data-testid="model-name" title={fullName(s.card.name)}>
            {modelName(s.card)}
          </bdi>
          <span>{t('model.accuracy', { acc: `${(s.card.metrics.testTop1 * 100).toFixed(1)}%` })}</span>
          <span>
            {isPlain(s.card)
              ? t('model.paramsPlain', { params: grouped(s.card.complexity.params) })
              : t('model.params', { params: grouped(s.card.complexity.params), se: grouped(s.card.complexity.paramsWithSE - s.card.complexity.paramsWithoutSE) })}
          </span>
          {s.card.interim ? <span className="badge">{t('model.interim')}</span> : null}
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
