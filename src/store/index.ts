/** The app's store instance, wired to the real engine, decoder and IndexedDB. */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createEngine } from '../model/engine';
import { BACKENDS, type BackendName } from '../model/backend';
import { decodeImage } from '../input/decode';
import { openGallery } from '../input/gallery';
import { decodeExample, loadExamples, readCatalogue } from '../input/examples';
import { detectLang } from '../i18n';
import { createAppStore, type AppState } from './store';
import { parseShare } from '../compute/shareLink';
import { readQuery } from '../compute/linkQuery';
import { initialState, startApp, whenRestored } from './startup';
import { flushUrl } from './urlSync';
import { listShippedModels } from '../model/catalog';
import { addOwnModel, listOwnModels, removeOwnModel } from '../model/ownModels';
import { deserialiseOverrides } from '../compute/overridesCodec';
import { currentTaps } from './lesson';
import { shownResult } from './transitions';
import { seBlocks as seBlocksOf } from '../compute/cardFacts';
import { resetApp, type ResetTo } from './debugReset';

export type { AppState } from './store';
export type { ChannelRef, InputImage, InputSource } from './transitions';
export { predictionIsCurrent, shownResult, highlighted, loadProgressPlace, drawnCard, isRunning, lastPassMs, startupImageComing } from './transitions';
export type { LessonState, AppMode, LinkNotice } from './lesson';
export { currentTaps } from './lesson';
export type { Prediction } from './store';

// read without decodeURIComponent's throws: a link cut mid-escape must not cost the whole app
const search = typeof location !== 'undefined' ? location.search : '';
const params = readQuery(search).params;
/** the state a shared link asks for (see compute/shareLink); broken parameters are named in it */
const link = parseShare(search);

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

const examplesUrl = () => new URL('examples/examples.json', document.baseURI).href;
// the example catalogue downloads alongside the model (the first example opens as soon as it runs)
readCatalogue(examplesUrl()).catch(() => {});

export const appStore = createAppStore(
  {
    createEngine,
    decodeImage,
    openGallery,
    modelsUrl: new URL('models/', document.baseURI).href,
    listModels: async () => {
      const shipped = await listShippedModels(new URL('models/', document.baseURI).href);
      return { ...shipped, models: [...shipped.models, ...(await listOwnModels())] };
    },
    ownModels: { add: addOwnModel, remove: removeOwnModel },
    loadExamples: (card) => loadExamples(examplesUrl(), card),
    decodeExample,
  },
  initialState(link, () => savedLang() ?? detectLang(navigator.languages ?? [navigator.language])),
);

// a shared link's block, channel and image apply when the model is ready; then the address bar follows the state
startApp(appStore, link);

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
    /** the backend that computed what the panels show */
    shownBackend: () => shownResult(appStore.getState())?.backend ?? null,
    card: () => appStore.getState().card,
    inputPixels: () => Array.from(appStore.getState().input?.pixels ?? []),
    inputId: () => appStore.getState().input?.id ?? null,
    /** the model is loaded and runs where it will stay (WebGL after the wasm head start) */
    ready: () => appStore.getState().engineStatus === 'ready' && appStore.getState().settlingTo === null,
    /** resolves when the start-up image (the link's, else the first example) is classified */
    restored: () => whenRestored(),
    examples: () => (appStore.getState().examples ?? []).map((e) => ({ id: e.id, class: e.class, url: e.url })),
    probs: () => Array.from(shownResult(appStore.getState())?.probs ?? []),
    galleryCount: () => appStore.getState().gallery.length,
    loseWebGLContext: () => appStore.getState().engine?.loseWebGLContext() ?? false,
    soak,
    /** back to a plain visit's state without a reload (the e2e tests' shared page) */
    reset: (to?: ResetTo) => resetApp(appStore, to),
    /** resolves when the address bar shows the current state (its writes are debounced) */
    flushUrl: () => flushUrl(),
    // experiments: the slice's state, a way to wait for it, and a direct pass that bypasses it
    exState: () => {
      const st = appStore.getState();
      return {
        ov: st.overridesText(),
        before: Array.from(st.prediction?.before.probs ?? []),
        after: Array.from(st.prediction?.after.probs ?? []),
        shown: Array.from(shownResult(st)?.probs ?? []),
        busy: st.exBusy,
        afterKey: st.prediction?.overridesKey ?? null,
      };
    },
    exSettled: () => appStore.getState().exSettled(),
    classifyWith: async (text: string) => {
      const { engine, input } = appStore.getState();
      if (!engine || !input) throw new Error('no model or image');
      return Array.from((await engine.classify(input.pixels, deserialiseOverrides(text) ?? {}, 'none')).probs);
    },
    /** the lesson's state: view, section, step, progress, highlighted channel, selected block */
    lesson: () => {
      const s = appStore.getState();
      return { mode: s.mode, presenter: s.presenter, section: s.section, step: s.playback.step, progress: s.playback.progress, run: s.playback.run, channel: s.lessonChannel, block: s.selectedBlock, focusPanel: s.focusPanel, numbers: s.numbers };
    },
    /** every tap of one block of the current prediction, as plain arrays */
    taps: (i: number) => {
      const t = currentTaps(appStore.getState())[i];
      if (!t) return null;
      const arr = (a: Float32Array | null) => (a ? Array.from(a) : null);
      return { shape: t.shape, u: arr(t.u), z: arr(t.z), h: arr(t.h), e: arr(t.e), s: arr(t.s), sModel: arr(t.sModel), scaled: arr(t.scaled), out: arr(t.out) };
    },
  };
}

/**
 * Soak test for the current image: n full passes with all taps, each followed by an
 * intervention re-run (a channel override or SE off in one block), straight on the engine.
 * Reports numTensors and the JS heap (Chromium's performance.memory) before and after.
 */
async function soak(n: number) {
  const { engine, input } = appStore.getState();
  if (!engine || !input) throw new Error('soak needs a loaded model and an image');
  const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
  const seBlocks = seBlocksOf(engine.card);
  await engine.classify(input.pixels);
  const tensorsBefore = engine.numTensors();
  const heapBefore = heap();
  for (let i = 0; i < n; i++) {
    await engine.classify(input.pixels, undefined, 'all');
    const b = seBlocks[i % seBlocks.length]!;
    await engine.update(
      i % 3 === 0 ? { [b.index]: { gate: 'off' } } : { [b.index]: { channels: { [i % b.channels]: (i % 10) / 10 } } },
    );
  }
  await engine.classify(input.pixels);
  return { passes: n, interventions: n, tensorsBefore, tensorsAfter: engine.numTensors(), heapBefore, heapAfter: heap() };
}
