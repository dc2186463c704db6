import { memo, useEffect, useMemo, useRef } from 'react';
import type { DecodedImage } from '../input/decode';
import { drawSample } from '../input/sample';
import { appStore, useAppShallow } from '../store';
import type { Example } from '../types/examples';
import type { TFn } from './useT';
import { useT } from './useT';
import { classNameByKey } from '../compute/cardFacts';

/** "cat (CIFAR-10 test #9)" in the current language */
export function exampleLabel(t: TFn, ex: Example, className: string): string {
  return t('input.example', { cls: className, dataset: ex.dataset, split: ex.split === 'test' ? t('input.split.test') : ex.split, number: ex.number });
}

const SampleTile = memo(function SampleTile({ img }: { img: DecodedImage }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) ctx.putImageData(new ImageData(new Uint8ClampedArray(img.rgba), img.width, img.height), 0, 0);
  }, [img]);
  return <canvas ref={ref} width={img.width} height={img.height} aria-hidden />;
});

/**
 * The model's example images (from its card's example set) and the generated sample: one
 * click (or Enter/Space) each. A model without examples says so.
 */
export function ExampleStrip() {
  const t = useT();
  const s = useAppShallow((s) => ({ examples: s.examples, card: s.card, lang: s.lang, input: s.input }));
  const sample = useMemo(() => drawSample(), []);
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
            <SampleTile img={sample} />
          </button>
        </li>
      </ul>
    </div>
  );
}
