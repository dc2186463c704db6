import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { rgbToRgba } from '../compute/chartdata';
import { drawPixels } from '../charts/pixelCanvas';
import { statedLimits } from '../compute/limits';
import type { CropPolicy } from '../compute/resize';
import { classNameByKey } from '../compute/cardFacts';
import { captureFrame, startCamera, stopCamera } from '../input/camera';
import { asInputError } from '../input/errors';
import { appStore, useAppShallow, type InputSource } from '../store';
import { ExampleStrip, exampleLabel } from './ExampleStrip';
import { useT } from './useT';

const submit = (blob: Blob, name: string, source: InputSource) => void appStore.getState().submitBlob(blob, name, source);

/** Images pasted anywhere on the page go to the explorer. */
export function usePasteAnywhere() {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const items = Array.from(e.clipboardData?.items ?? []);
      const file = items.find((i) => i.kind === 'file')?.getAsFile();
      if (file) {
        e.preventDefault();
        submit(file, file.name || 'clipboard', 'paste');
      } else if (items.length && !items.some((i) => i.type === 'text/plain')) {
        appStore.getState().reportError({ code: 'clipboardEmpty' });
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}

function NetworkInput({ pixels, size }: { pixels: Uint8Array; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    drawPixels(ref.current, rgbToRgba(pixels), size, size);
  }, [pixels, size]);
  return <canvas ref={ref} width={size} height={size} className="network-input" data-testid="network-input" data-size={size} />;
}

function Camera({ onClose }: { onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    startCamera(video.current!)
      .then((s) => {
        if (cancelled) stopCamera(s);
        else {
          stream.current = s;
          setReady(true);
        }
      })
      .catch((e) => {
        if (cancelled) return;
        appStore.getState().reportError(asInputError(e, { code: 'camera', params: { reason: String(e) } }));
        onClose();
      });
    return () => {
      cancelled = true;
      stopCamera(stream.current);
      stream.current = null;
    };
  }, [onClose]);
  const capture = () => {
    try {
      const img = captureFrame(video.current!);
      void appStore.getState().submitDecoded(img, `camera ${new Date().toLocaleTimeString()}`, 'camera');
      onClose();
    } catch (e) {
      appStore.getState().reportError(asInputError(e, { code: 'camera', params: { reason: String(e) } }));
    }
  };
  return (
    <div className="camera" data-testid="camera">
      <video ref={video} muted playsInline />
      <div className="row">
        <button type="button" className="primary" onClick={capture} disabled={!ready} data-testid="camera-capture">
          {t('input.capture')}
        </button>
        <button type="button" onClick={onClose}>
          {t('input.cancel')}
        </button>
      </div>
    </div>
  );
}

export function InputPanel() {
  const t = useT();
  const s = useAppShallow((s) => ({
    input: s.input,
    error: s.inputError,
    decoding: s.decoding,
    crop: s.crop,
    modelFailed: s.engineStatus === 'error',
    waiting: s.waiting,
    examples: s.examples,
    card: s.card,
    lang: s.lang,
  }));
  const [dragging, setDragging] = useState(false);
  const [camera, setCamera] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const closeCamera = useCallback(() => setCamera(false), []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) submit(file, file.name, 'drop');
  };
  const setCrop = (c: CropPolicy) => appStore.getState().setCrop(c);
  const inputName = () => {
    const input = s.input!;
    if (input.source === 'link') return t('input.fromLink');
    const ex = input.source === 'example' ? s.examples?.find((e) => e.id === input.name) : undefined;
    if (!ex) return input.name;
    return exampleLabel(t, ex, classNameByKey(s.card ?? null, ex.class, s.lang));
  };

  return (
    <section
      className={`panel input-panel${dragging ? ' dragging' : ''}`}
      aria-labelledby="input-title"
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id="input-title">{t('input.title')}</h2>
      <div className="row wrap">
        <label className="button primary">
          {t('input.choose')}
          <input
            ref={fileRef}
            className="visually-hidden"
            type="file"
            accept="image/*,.svg,.heic,.heif,.avif"
            data-testid="image-input"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) submit(f, f.name, 'file');
              e.currentTarget.value = ''; // choosing the same file again still triggers
            }}
          />
        </label>
        <button type="button" onClick={() => setCamera((c) => !c)} data-testid="camera-button" aria-pressed={camera}>
          {t('input.camera')}
        </button>
      </div>
      <p className="hint">{t('input.drop')}</p>
      <p className="hint small" data-testid="input-limits">{t('input.limits', statedLimits())}</p>
      <ExampleStrip />
      {camera ? <Camera onClose={closeCamera} /> : null}

      <fieldset className="crop">
        <legend>{t('input.crop')}</legend>
        {(['center', 'fit'] as const).map((c) => (
          <label key={c}>
            <input type="radio" name="crop" value={c} checked={s.crop === c} onChange={() => setCrop(c)} data-testid={`crop-${c}`} />
            {t(c === 'center' ? 'input.crop.center' : 'input.crop.fit')}
          </label>
        ))}
        <p className="hint small">{t('input.crop.help')}</p>
      </fieldset>

      {s.error ? (
        <div className="error" role="alert" data-testid="error" data-code={s.error.code}>
          <strong>{t('error.title')}</strong>
          <p>{t(`error.${s.error.code}`, s.error.params)}</p>
          {s.input ? <p className="small">{t('error.kept')}</p> : null}
          <button type="button" onClick={() => appStore.getState().dismissError()}>
            {t('error.dismiss')}
          </button>
        </div>
      ) : null}

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
        ) : s.waiting ? (
          <p className="hint" data-testid="input-waiting">{t(s.modelFailed ? 'input.waitingRetry' : 'input.waiting', { name: s.waiting })}</p>
        ) : (
          <p className="hint">{t('input.none')}</p>
        )}
      </div>
    </section>
  );
}
