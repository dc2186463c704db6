import { lazy, Suspense, useEffect, useState } from 'react';
import { appStore, drawnCard, requestedBackend, useApp } from '../store';
import { Architecture } from './Architecture';
import { Gallery } from './Gallery';
import { Header } from './Header';
import { InputPanel, usePasteAnywhere } from './InputPanel';
import { Inspector } from './Inspector';
import { LinkNotice, ModeBar, usePresenter } from './ModeBar';
import { Notices } from './Notices';
import { UpdatePrompt } from './UpdatePrompt';
import { Prediction } from './Prediction';
import { NeedsSeModel } from './PlainModelNotice';
import { Tooltip } from './Tooltip';
import { useT } from './useT';
import { whenFirstDrawn } from './firstDraw';

// the lesson (with KaTeX) is its own chunk: the explorer, the first screen, does not wait for it
const LessonView = lazy(() => import('./LessonView').then((m) => ({ default: m.LessonView })));
// the experiments sit below the fold: loaded once the first image is drawn
const ExperimentsView = lazy(() => whenFirstDrawn().then(() => import('./ExperimentsView').then((m) => ({ default: m.ExperimentsView }))));

/** how long the page waits for the model's card and examples before it shows the explorer anyway */
const LAYOUT_WAIT_MS = 400;

/**
 * The explorer is shown once its layout is known: the model's card (architecture, inspector)
 * and its examples, which arrive a few hundred ms after the script runs (index.html preloads
 * them), or a failed load, or after LAYOUT_WAIT_MS. Drawn before, it would jump when they came.
 */
function useLayoutKnown(): boolean {
  const known = useApp((s) => (!!drawnCard(s) && s.examples !== null) || s.engineStatus === 'error');
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setWaited(true), LAYOUT_WAIT_MS);
    return () => clearTimeout(id);
  }, []);
  return known || waited;
}

export function App() {
  const t = useT();
  const lesson = useApp((s) => s.mode === 'lesson');
  const layoutKnown = useLayoutKnown();
  usePasteAnywhere();
  usePresenter();
  useEffect(() => {
    const st = appStore.getState();
    if (st.engineStatus === 'idle') void st.loadModel(requestedBackend());
    if (st.models === null) void st.loadModelIndex();
    if (st.galleryStatus === 'loading') void st.initGallery();
  }, []);
  // Escape releases a pinned channel
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { pinned, togglePin, hoverChannel } = appStore.getState();
      if (e.key !== 'Escape') return;
      hoverChannel(null);
      if (pinned) togglePin(pinned);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <a className="skip" href="#explorer">
        {t('app.skip')}
      </a>
      <Header />
      <ModeBar />
      {/* one box for the notices: in presenter mode it lies over the slide instead of pushing it down */}
      <div className="app-notices">
        <Notices />
        <LinkNotice />
      </div>
      {lesson ? (
        <NeedsSeModel>
          <Suspense fallback={<p className="lesson-loading" role="status">{t('lesson.loading')}</p>}>
            <LessonView />
          </Suspense>
        </NeedsSeModel>
      ) : null}
      {lesson ? (
        <h2 className="explorer-heading" id="explorer-heading">
          {t('lesson.explorer')}
        </h2>
      ) : null}
      <main className={`layout${layoutKnown ? '' : ' layout-pending'}`}>
        <div className="col col-input">
          {/* the answer first: the image and its prediction head the page, the ways to change the image follow */}
          <Prediction />
          <InputPanel />
          <Gallery />
        </div>
        <div className="col col-explore" id="explorer">
          <Architecture />
          <Inspector />
          <NeedsSeModel>
            <Suspense fallback={<p className="hint experiments-loading">{t('experiments.loading')}</p>}>
              <ExperimentsView />
            </Suspense>
          </NeedsSeModel>
        </div>
      </main>
      <footer className="app-footer">
        <span>{t('footer.paper')}</span> <span>{t('footer.privacy')}</span>
      </footer>
      {/* the service worker's news comes seconds after the first draw: over the page, not moving it */}
      <div className="toasts">
        <UpdatePrompt />
      </div>
      <Tooltip />
    </>
  );
}
