/**
 * The bar under the header: explorer / lesson, presenter mode, copy link, export. In presenter
 * mode it floats over the page and shows itself on mouse movement or keyboard focus.
 */
import { useEffect, useRef, useState } from 'react';
import { SECTIONS } from '../compute/lesson/sections';
import { STEP_COUNT } from '../compute/lesson/steps';
import { appStore, useAppShallow } from '../store';
import { flushUrl, linkOmissions } from '../store/urlSync';
import { MAX_LINK_CHARS } from '../compute/shareLink';
import type { ExportFormat } from './export/snapshot';
import { useT } from './useT';
import './lessonApp.css';
import { grouped } from '../i18n/format';

/** what each export button snapshots (the lesson section: its text, live parts and questions) */
const EXPORT_TESTID = { anim: 'anim-step', inspector: 'inspector', section: 'lesson-section', worked: 'worked-example' } as const;

const IDLE_MS = 2500;

/**
 * Presenter mode around the store's flag: the page's class, full screen where the browser
 * allows it, and chrome that hides itself after a few idle seconds.
 */
export function usePresenter() {
  const presenter = useAppShallow((s) => s.presenter);
  const entered = useRef(false);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('presenter', presenter);
    if (presenter) window.scrollTo(0, 0);
    if (!presenter) {
      root.removeAttribute('data-idle');
      if (entered.current && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      entered.current = false;
      return;
    }
    let timer = 0;
    const wake = () => {
      root.setAttribute('data-idle', 'false');
      clearTimeout(timer);
      timer = window.setTimeout(() => root.setAttribute('data-idle', 'true'), IDLE_MS);
    };
    wake();
    const events = ['mousemove', 'pointerdown', 'keydown', 'touchstart', 'focusin'] as const;
    for (const e of events) window.addEventListener(e, wake, { passive: true });
    // the browser's own Esc leaves full screen: leave presenter mode with it
    const onFs = () => {
      if (document.fullscreenElement) entered.current = true;
      else if (entered.current) {
        entered.current = false;
        appStore.getState().setPresenter(false);
      }
    };
    document.addEventListener('fullscreenchange', onFs);
    // Esc leaves presenter mode (and full screen, when the browser lets the page see the key)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) appStore.getState().setPresenter(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, wake);
      document.removeEventListener('fullscreenchange', onFs);
      window.removeEventListener('keydown', onKey);
    };
  }, [presenter]);
}

function requestFullscreen() {
  const el = document.documentElement;
  if (!document.fullscreenEnabled || document.fullscreenElement || !el.requestFullscreen) return;
  // refused outside a user gesture or in a frame without allow="fullscreen": presenter mode
  // still works in the page
  void el.requestFullscreen().catch(() => {});
}

export function ModeBar() {
  const t = useT();
  const s = useAppShallow((s) => ({ mode: s.mode, presenter: s.presenter, lang: s.lang, card: s.card, sel: s.selectedBlock, step: s.playback.step, section: s.section, hasResult: !!s.prediction, numbers: s.numbers }));
  const example = s.numbers === 'example';
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // read when used: a state captured at render would keep what it held (e.g. the model before a switch)
  const st = () => appStore.getState();

  const togglePresenter = () => {
    if (s.presenter) st().setPresenter(false);
    else {
      st().setPresenter(true);
      requestFullscreen();
    }
  };

  const copyLink = async () => {
    await flushUrl();
    const left = linkOmissions();
    const copied = left.includes('img') ? t('share.copiedNoImage', { max: grouped(MAX_LINK_CHARS) }) : t('share.copied');
    try {
      await navigator.clipboard.writeText(location.href);
      setMessage(left.includes('o') ? `${copied} ${t('share.noOverrides')}` : copied);
    } catch {
      setMessage(t('share.manual'));
    }
  };

  const blockId = s.card?.architecture.blocks[s.sel]?.id ?? `block${s.sel}`;
  const exportOne = async (what: keyof typeof EXPORT_TESTID, format: ExportFormat) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${EXPORT_TESTID[what]}"]`);
    if (!el) {
      setMessage(t('export.missing'));
      return;
    }
    const base = {
      anim: `se-${example ? 'example' : blockId}-step${s.step + 1}of${STEP_COUNT}`,
      section: `se-lesson-${s.section + 1}-${SECTIONS[s.section]?.id ?? 'section'}`,
      inspector: `se-${blockId}-inspector`,
      worked: 'se-worked-example',
    }[what];
    setBusy(true);
    setMessage(t('export.working', { name: `${base}.${format}` }));
    try {
      // the snapshot code loads on the first export: the first screen does not need it
      const { exportPanel } = await import('./export/snapshot');
      const name = await exportPanel(el, base, format);
      setMessage(t('export.done', { name }));
    } catch (e) {
      setMessage(t('export.failed', { reason: (e as Error)?.message ?? String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <nav className="mode-bar presenter-chrome" aria-label={t('mode.label')} data-testid="mode-bar">
      <div className="mode-tabs" role="group" aria-label={t('mode.label')}>
        {(['explore', 'lesson'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={s.mode === m} className={s.mode === m ? 'on' : undefined} onClick={() => st().setMode(m)} data-testid={`mode-${m}`}>
            {t(m === 'explore' ? 'mode.explore' : 'mode.lesson')}
          </button>
        ))}
      </div>
      <button type="button" aria-pressed={s.presenter} onClick={togglePresenter} data-testid="presenter-toggle">
        {s.presenter ? t('presenter.exit') : t('presenter.enter')}
      </button>
      {s.presenter && !document.fullscreenElement && document.fullscreenEnabled ? (
        <button type="button" onClick={requestFullscreen} data-testid="presenter-fullscreen">
          {t('presenter.fullscreen')}
        </button>
      ) : null}
      {s.presenter ? (
        <button
          type="button"
          lang={s.lang === 'en' ? 'ko' : 'en'}
          aria-label={t('app.language')}
          onClick={() => st().setLang(s.lang === 'en' ? 'ko' : 'en')}
          data-testid="presenter-lang"
        >
          {t('app.switchTo')}
        </button>
      ) : null}
      <button type="button" onClick={() => void copyLink()} data-testid="share-copy">
        {t('share.copy')}
      </button>
      <details className="export-menu" data-testid="export-menu">
        <summary>{t('export.title')}</summary>
        <div className="export-items">
          {s.mode === 'lesson' ? (
            <div role="group" aria-label={t('export.anim')}>
              <span>{t('export.anim')}</span>
              {(['png', 'svg'] as const).map((f) => (
                <button key={f} type="button" disabled={busy || (!s.hasResult && !example)} onClick={() => void exportOne('anim', f)} data-testid={`export-anim-${f}`}>
                  {t(f === 'png' ? 'export.png' : 'export.svg')}
                </button>
              ))}
            </div>
          ) : null}
          {s.mode === 'lesson' && example ? (
            <div role="group" aria-label={t('export.worked')}>
              <span>{t('export.worked')}</span>
              {(['png', 'svg'] as const).map((f) => (
                <button key={f} type="button" disabled={busy} onClick={() => void exportOne('worked', f)} data-testid={`export-worked-${f}`}>
                  {t(f === 'png' ? 'export.png' : 'export.svg')}
                </button>
              ))}
            </div>
          ) : null}
          {s.mode === 'lesson' ? (
            <div role="group" aria-label={t('export.section')}>
              <span>{t('export.section')}</span>
              {(['png', 'svg'] as const).map((f) => (
                <button key={f} type="button" disabled={busy} onClick={() => void exportOne('section', f)} data-testid={`export-section-${f}`}>
                  {t(f === 'png' ? 'export.png' : 'export.svg')}
                </button>
              ))}
            </div>
          ) : null}
          <div role="group" aria-label={t('export.inspector')}>
            <span>{t('export.inspector')}</span>
            {(['png', 'svg'] as const).map((f) => (
              <button key={f} type="button" disabled={busy || !s.hasResult} onClick={() => void exportOne('inspector', f)} data-testid={`export-inspector-${f}`}>
                {t(f === 'png' ? 'export.png' : 'export.svg')}
              </button>
            ))}
          </div>
        </div>
      </details>
      <span className="mode-message" role="status" data-testid="mode-message">
        {message}
      </span>
      {s.presenter ? <span className="presenter-keys">{t('presenter.keys')}</span> : null}
    </nav>
  );
}

/** What the app could not take from a shared link. */
export function LinkNotice() {
  const t = useT();
  const n = useAppShallow((s) => s.linkNotice);
  if (!n) return null;
  return (
    <div className="notices">
      <div className="notice warn" role="alert" data-testid="link-notice" data-code={n.code}>
        <span>{t(n.code === 'image' ? 'link.image' : 'link.params', { detail: n.detail })}</span>{' '}
        <button type="button" className="link" onClick={() => appStore.getState().setLinkNotice(null)}>
          {t('link.dismiss')}
        </button>
      </div>
    </div>
  );
}
