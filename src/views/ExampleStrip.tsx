import { memo, useId } from 'react';
import { drawSample, SAMPLE_H, SAMPLE_SCENE, SAMPLE_W } from '../input/sample';
import { appStore, drawnCard, useAppShallow } from '../store';
import type { Example } from '../types/examples';
import type { TFn } from './useT';
import { useT } from './useT';
import { classNameByKey } from '../compute/cardFacts';

/** "cat (CIFAR-10 test #9)" in the current language */
export function exampleLabel(t: TFn, ex: Example, className: string): string {
  return t('input.example', { cls: className, dataset: ex.dataset, split: ex.split === 'test' ? t('input.split.test') : ex.split, number: ex.number });
}

/** the sample scene as SVG: the same shapes the network gets as pixels when it is picked */
const SampleTile = memo(function SampleTile() {
  const id = `sample${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`; // gradient ids: unique in the page, plain characters
  return (
    <svg viewBox={`0 0 ${SAMPLE_W} ${SAMPLE_H}`} preserveAspectRatio="xMidYMid slice" aria-hidden>
      <defs>
        {SAMPLE_SCENE.map((s, i) =>
          s.kind === 'gradient-rect' ? (
            <linearGradient key={i} id={`${id}-grad-${i}`} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0" stopColor={s.from} />
              <stop offset="1" stopColor={s.to} />
            </linearGradient>
          ) : null,
        )}
      </defs>
      {SAMPLE_SCENE.map((s, i) =>
        s.kind === 'gradient-rect' ? (
          <rect key={i} x={s.x} y={s.y} width={s.w} height={s.h} fill={`url(#${id}-grad-${i})`} />
        ) : s.kind === 'rect' ? (
          <rect key={i} x={s.x} y={s.y} width={s.w} height={s.h} fill={s.fill} />
        ) : s.kind === 'circle' ? (
          <circle key={i} cx={s.cx} cy={s.cy} r={s.r} fill={s.fill} />
        ) : (
          <polygon key={i} points={s.points.map((p) => p.join(',')).join(' ')} fill={s.fill} />
        ),
      )}
    </svg>
  );
});

/**
 * The model's example images (from its card's example set) and the generated sample: one
 * click (or Enter/Space) each. A model without examples says so.
 */
export function ExampleStrip() {
  const t = useT();
  const s = useAppShallow((s) => ({ examples: s.examples, card: drawnCard(s), lang: s.lang, input: s.input }));
  const className = (key: string) => classNameByKey(s.card, key, s.lang);
  const current = s.input?.source === 'example' ? s.input.name : null;
  const dataset = s.examples?.[0]?.dataset;
  return (
    <div className="examples" role="group" aria-labelledby="examples-title">
      <h3 id="examples-title">{t('input.examples')}</h3>
      {s.examples && s.examples.length === 0 ? <p className="hint small" data-testid="no-examples">{t('input.examples.none')}</p> : null}
      {dataset ? <p className="hint small">{t('input.examples.help', { dataset })}</p> : null}
      <ul className="example-tiles">
        {(s.examples ?? []).map((ex) => {
          const label = exampleLabel(t, ex, className(ex.class));
          return (
            <li key={ex.id}>
              <button
                type="button"
                className="example-tile"
                data-testid="example"
                data-class={ex.class}
                data-id={ex.id}
                aria-pressed={current === ex.id}
                aria-label={label}
                title={label}
                onClick={() => void appStore.getState().openExample(ex.id)}
              >
                <img src={ex.url} alt="" width={32} height={32} decoding="async" />
              </button>
            </li>
          );
        })}
        <li>
          <button
            type="button"
            className="example-tile"
            data-testid="sample-button"
            aria-pressed={s.input?.source === 'sample'}
            aria-label={t('input.sampleTile')}
            title={t('input.sampleTile')}
            onClick={() => void appStore.getState().submitDecoded(drawSample(), 'sample', 'sample')}
          >
            <SampleTile />
          </button>
        </li>
      </ul>
    </div>
  );
}
