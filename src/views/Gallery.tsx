import { memo, useEffect, useRef } from 'react';
import { rgbToRgba } from '../compute/chartdata';
import { drawPixels } from '../charts/pixelCanvas';
import { appStore, useAppShallow } from '../store';
import { useT } from './useT';

const Thumb = memo(function Thumb({ w, h, rgb }: { w: number; h: number; rgb: Uint8Array }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    drawPixels(ref.current, rgbToRgba(rgb), w, h);
  }, [w, h, rgb]);
  return <canvas ref={ref} width={w} height={h} />;
});

export function Gallery() {
  const t = useT();
  const s = useAppShallow((s) => ({ items: s.gallery, status: s.galleryStatus, reason: s.galleryReason, size: s.card?.preprocessing.inputSize ?? null, current: s.input }));
  return (
    <section className="panel gallery" aria-labelledby="gallery-title" data-testid="gallery" data-count={s.items.length}>
      <div className="row space">
        <h2 id="gallery-title">{t('gallery.title')}</h2>
        {s.items.length > 0 ? (
          <button type="button" className="link" onClick={() => void appStore.getState().clearGallery()} data-testid="gallery-clear">
            {t('gallery.clear')}
          </button>
        ) : null}
      </div>
      {s.status === 'unavailable' ? (
        <p className="notice warn" data-testid="gallery-unavailable">{t('gallery.unavailable', { reason: s.reason ?? '' })}</p>
      ) : s.items.length === 0 ? (
        <p className="hint">{t('gallery.empty')}</p>
      ) : (
        <ul className="thumbs">
          {s.items.map((item) => (
            <li key={item.id} data-testid="gallery-item">
              <button
                type="button"
                className="thumb"
                disabled={s.size !== null && item.size !== s.size}
                title={item.name}
                aria-label={t('gallery.open', { name: item.name })}
                onClick={() => void appStore.getState().openGalleryItem(item.id)}
              >
                <Thumb w={item.thumb.w} h={item.thumb.h} rgb={item.thumb.rgb} />
              </button>
              <button type="button" className="delete" aria-label={`${t('gallery.delete')} ${item.name}`} title={t('gallery.delete')} data-testid="gallery-delete" onClick={() => void appStore.getState().deleteGalleryItem(item.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
