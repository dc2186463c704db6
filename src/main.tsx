import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import { appStore, installDebugHook, requestedBackend } from './store';
import { afterNextFrame, whenRestored } from './store/startup';
import './styles.css';
import { startServiceWorker } from './pwa/serviceWorker';
import { firstDrawn } from './views/firstDraw';
import { drawPixels } from './charts/pixelCanvas';

installDebugHook();
// the page's first 2D canvas costs ~10 ms here and ~100 ms when it is first made in the middle of
// the cold load (the network input, just before the first pass): made now, at start
drawPixels(document.createElement('canvas'), new Uint8ClampedArray(4), 1, 1);
// the backend and the model download start now, not after React's first render (App would
// start them too; it sees the load under way)
void appStore.getState().loadModel(requestedBackend());
// the service worker installs after the first image (the first example or the link's) is drawn;
// `npm run bench` reads the mark (the frame after the first top-1 and heatmaps were rendered)
void whenRestored()
  .then(afterNextFrame)
  .then(() => {
    // with what is on screen then, so that the bench knows it timed a drawn result
    performance.mark('se:first-drawn', { detail: { top1: !!document.querySelector('[data-testid="top1"]'), heatmaps: document.querySelectorAll('[data-testid="u-cell"]').length } });
    firstDrawn();
    startServiceWorker();
    // the first result came from wasm (quick to start): now the engine moves to WebGL
    void appStore.getState().settleBackend();
  });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
