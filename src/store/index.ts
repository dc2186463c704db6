/** The app's store instance, wired to the real engine, decoder and IndexedDB. */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createEngine } from '../model/engine';
import { BACKENDS, type BackendName } from '../model/backend';
import { decodeBlob } from '../input/decode';
import { openGallery } from '../input/gallery';
import { detectLang } from '../i18n';
import { createAppStore, type AppState } from './store';

export type { AppState } from './store';
export type { ChannelRef, InputImage, InputSource } from './transitions';
export { predictionIsCurrent, highlighted } from './transitions';

const params = new URLSearchParams(typeof location !== 'undefined' ? location.search : '');

/** ?backend=webgl|wasm|cpu forces a backend (the engine still falls back if it fails) */
export function requestedBackend(): BackendName | null {
  const b = params.get('backend');
  return b && (BACKENDS as string[]).includes(b) ? (b as BackendName) : null;
}

function savedLang() {
  try {
    const l = localStorage.getItem('se-explainer.lang');
    return l === 'en' || l === 'ko' ? l : null;
  } catch {
    return null;
  }
}

export const appStore = createAppStore(
  {
    createEngine,
    decodeBlob,
    openGallery,
    modelsUrl: new URL('models/', document.baseURI).href,
  },
  { lang: savedLang() ?? detectLang(navigator.languages ?? [navigator.language]) },
);

appStore.subscribe((s, prev) => {
  if (s.lang !== prev.lang) {
    document.documentElement.lang = s.lang;
    try {
      localStorage.setItem('se-explainer.lang', s.lang);
    } catch {
      /* private mode: the choice lasts for this visit */
    }
  }
});
document.documentElement.lang = appStore.getState().lang;

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

/** For selectors that build objects/arrays: re-render only when a field changes. */
export function useAppShallow<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}

/** `?debug=1`: a small hook for the end-to-end tests and for curious teachers. */
export function installDebugHook() {
  if (!params.has('debug') && import.meta.env.MODE === 'production') return;
  const w = window as unknown as Record<string, unknown>;
  w.__seExplainer = {
    numTensors: () => appStore.getState().engine?.numTensors() ?? null,
    backend: () => appStore.getState().engine?.activeBackend() ?? null,
    backendInfo: () => appStore.getState().backend,
    card: () => appStore.getState().card,
    inputPixels: () => Array.from(appStore.getState().input?.pixels ?? []),
    inputId: () => appStore.getState().input?.id ?? null,
    ready: () => appStore.getState().engineStatus === 'ready',
    probs: () => Array.from(appStore.getState().result?.probs ?? []),
    galleryCount: () => appStore.getState().gallery.length,
    loseWebGLContext: () => appStore.getState().engine?.loseWebGLContext() ?? false,
  };
}
