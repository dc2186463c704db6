import { useEffect, useRef } from 'react';
import { rgbToRgba } from '../compute/chartdata';
import { drawPixels } from '../charts/pixelCanvas';
import { classNameByKey } from '../compute/cardFacts';
import { drawnCard, startupImageComing, useAppShallow } from '../store';
import { exampleLabel } from './ExampleStrip';
import { useT } from './useT';

function NetworkInput({ pixels, size }: { pixels: Uint8Array; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    drawPixels(ref.current, rgbToRgba(pixels), size, size);
  }, [pixels, size]);
  return <canvas ref={ref} width={size} height={size} className="network-input" data-testid="network-input" data-size={size} />;
}

/**
 * The image as the network sees it, with where it came from. It heads the prediction panel, so
 * the answer sits right under the image, in the first screen (on a phone as well).
 */
export function SeenImage() {
  const t = useT();
  const s = useAppShallow((s) => ({
    input: s.input,
    decoding: s.decoding,
    modelFailed: s.engineStatus === 'error',
    waiting: s.waiting,
    examples: s.examples,
    card: s.card,
    lang: s.lang,
    coming: startupImageComing(s),
    size: drawnCard(s)?.preprocessing.inputSize ?? null,
  }));
  const inputName = () => {
    const input = s.input!;
    if (input.source === 'link') return t('input.fromLink');
    const ex = input.source === 'example' ? s.examples?.find((e) => e.id === input.name) : undefined;
    if (!ex) return input.name;
    return exampleLabel(t, ex, classNameByKey(s.card ?? null, ex.class, s.lang));
  };
  return (
    <div className="seen" aria-live="polite">
      {s.decoding ? <p className="hint" data-testid="decoding">{t('input.working')}</p> : null}
      {s.input ? (
        <figure>
          <NetworkInput pixels={s.input.pixels} size={s.input.size} />
          <figcaption>
            <strong>{t('input.seen', { size: s.input.size })}</strong>
            <span data-testid="input-meta">
              {t('input.meta', { name: inputName(), w: s.input.width, h: s.input.height, format: s.input.format.toUpperCase() })}
            </span>
            {s.input.orientation !== 1 ? <span data-testid="orientation">{t('input.orientation', { o: s.input.orientation })}</span> : null}
            {s.input.animated ? <span>{t('input.animated')}</span> : null}
            {s.input.crop === null ? <span className="small">{t('input.cropNotAvailable')}</span> : null}
          </figcaption>
        </figure>
      ) : s.coming && !s.waiting ? (
        // the first image's room, so that the page does not move when it comes
        <figure data-testid="seen-room">
          <div className="network-input" />
          <figcaption>
            <strong>{s.size ? t('input.seen', { size: s.size }) : '\u00a0'}</strong>
            <span className="hint">{t('input.firstComing')}</span>
          </figcaption>
        </figure>
      ) : s.waiting ? (
        <p className="hint" data-testid="input-waiting">{t(s.modelFailed ? 'input.waitingRetry' : 'input.waiting', { name: s.waiting })}</p>
      ) : (
        <p className="hint">{t('input.none')}</p>
      )}
    </div>
  );
}
