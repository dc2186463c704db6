/**
 * The one app store, in slices: engine (model + backend), input, prediction, view and gallery.
 * Side effects (engine, decoding, IndexedDB) are injected so that tests can run the store
 * with fakes; the state changes themselves are the pure transitions in ./transitions.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Engine, EngineOptions } from '../model/engine';
import type { BackendInfo, BackendName } from '../model/backend';
import type { ModelCard } from '../types/card';
import type { Example } from '../types/examples';
import type { DecodedImage } from '../input/decode';
import type { GalleryItem, GalleryStore, NewGalleryItem } from '../input/gallery';
import { pixelHash } from '../input/gallery';
import { asInputError } from '../input/errors';
import { compositeOnWhite, fitWithin, meanColour, resizeArea, toNetworkInput, type CropPolicy } from '../compute/resize';
import type { InputError } from '../compute/limits';
import type { DomainMode } from '../compute/domain';
import type { ChannelOrder } from '../compute/chartdata';
import type { Lang } from '../i18n';
import * as tr from './transitions';
import type { ChannelRef, CoreState, InputImage, InputSource } from './transitions';
import { createLessonSlice, type LessonSlice } from './lesson';
import { createExperimentsSlice, type ExperimentsSlice } from './experiments';
import { lessonBlockChanged, type LessonState } from './lessonTransitions';

export interface Deps {
  createEngine: (opts: EngineOptions) => Promise<Engine>;
  decodeBlob: (blob: Blob) => Promise<DecodedImage>;
  openGallery: () => Promise<GalleryStore>;
  modelsUrl: string;
  /** the example images offered for a model (none when absent) */
  loadExamples?: (card: ModelCard) => Promise<Example[]>;
  /** reads an example image's file */
  fetchBlob?: (url: string) => Promise<Blob>;
}

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';
export type LoadStage = 'backend' | 'model' | 'warmup';

export interface EngineSlice {
  engine: Engine | null;
  card: ModelCard | null;
  engineStatus: EngineStatus;
  progress: { fraction: number; stage: LoadStage };
  backend: BackendInfo | null;
  requestedBackend: BackendName | null;
  engineError: string | null;
  /** why the engine moved to another backend after loading (e.g. the WebGL context was lost) */
  backendNote: string | null;
  loadModel: (backend?: BackendName | null) => Promise<void>;
}

export interface InputSlice {
  /** the current model's example images; null until they are known */
  examples: Example[] | null;
  /** the name of an image chosen before the model was ready, waiting to be classified */
  waiting: string | null;
  openExample: (id: string) => Promise<void>;
  /** opens the first example unless an image is already there or on its way */
  openFirstExample: () => Promise<void>;
  submitBlob: (blob: Blob, name: string, source: InputSource) => Promise<void>;
  submitDecoded: (img: DecodedImage, name: string, source: InputSource) => Promise<void>;
  setCrop: (crop: CropPolicy) => void;
  reportError: (error: InputError) => void;
  dismissError: () => void;
  /** runs the network on exact input pixels (size×size RGB), e.g. from a shared link */
  openPixels: (pixels: Uint8Array, name: string, source: InputSource) => Promise<void>;
}

export interface ViewSlice {
  selectBlock: (index: number) => void;
  hoverChannel: (ref: ChannelRef | null) => void;
  togglePin: (ref: ChannelRef) => void;
  setDomainMode: (m: DomainMode) => void;
  setOrder: (o: ChannelOrder) => void;
  setLang: (l: Lang) => void;
}

export interface GallerySlice {
  gallery: GalleryItem[];
  galleryStatus: 'loading' | 'ready' | 'unavailable';
  galleryReason: string | null;
  initGallery: () => Promise<void>;
  openGalleryItem: (id: number) => Promise<void>;
  deleteGalleryItem: (id: number) => Promise<void>;
  clearGallery: () => Promise<void>;
}

export type AppState = CoreState & EngineSlice & InputSlice & ViewSlice & GallerySlice & LessonSlice & ExperimentsSlice;
export type AppStore = StoreApi<AppState>;

const THUMB = 64;

function thumbnail(rgb: Float32Array, w: number, h: number): { w: number; h: number; rgb: Uint8Array } {
  const t = fitWithin(w, h, THUMB);
  const small = resizeArea(rgb, w, h, 3, { x: 0, y: 0, w, h }, t.w, t.h);
  return { w: t.w, h: t.h, rgb: Uint8Array.from(small, (v) => Math.max(0, Math.min(255, Math.round(v)))) };
}

export function createAppStore(deps: Deps, initial: Partial<CoreState & LessonState> = {}): AppStore {
  let nextInputId = 1;
  let decodeSeq = 0;
  let gallery: GalleryStore | null = null;
  /** the last decoded source (composited RGB), kept for re-cropping; not state: it is big */
  let source: { rgb: Float32Array; w: number; h: number; img: DecodedImage; name: string; source: InputSource } | null = null;
  /** forward passes run one at a time */
  let chain: Promise<void> = Promise.resolve();
  let pendingThumb: GalleryItem['thumb'] | null = null;
  let galleryInit: Promise<void> | null = null;
  /** the current model's examples, once looked up */
  let examplesLoad: Promise<Example[]> = Promise.resolve([]);

  /** runs engine work on the same one-at-a-time chain as the app's own passes */
  const exclusive = <T,>(job: () => Promise<T>): Promise<T> => {
    const run = chain.then(job);
    chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  const store = createStore<AppState>()((set, get, api) => {
    const apply = (f: (s: AppState) => Partial<CoreState>) => set((s) => f(s));

    const runInference = (input: InputImage) =>
      exclusive(async () => {
        const { engine } = get();
        if (!engine || get().input?.id !== input.id) return; // superseded while waiting
        try {
          const result = await engine.classify(input.pixels, undefined, 'all');
          apply((s) => tr.predictionReady(s, input.id, result));
          // the experiments re-run this image with the current interventions (queued after us)
          void get().exSetImage(input.id, input.pixels, result);
        } catch (e) {
          apply((s) => tr.predictionFailed(s, input.id, { code: 'model', params: { reason: (e as Error)?.message ?? String(e) } }));
        }
      });

    const accept = async (input: InputImage, thumb: GalleryItem['thumb'] | null) => {
      apply((s) => tr.inputAccepted(s, input));
      set({ waiting: null });
      const done = runInference(input);
      // recent images are the user's own: not the gallery's, not the examples
      if (thumb && gallery && input.source !== 'gallery' && input.source !== 'example') {
        const item: NewGalleryItem = { createdAt: Date.now(), name: input.name, size: input.size, pixels: input.pixels, thumb, hash: pixelHash(input.pixels) };
        gallery
          .add(item)
          .then((items) => set({ gallery: items }))
          .catch((e) => set({ galleryStatus: 'unavailable', galleryReason: (e as Error)?.message ?? String(e) }));
      }
      await done;
    };

    const fromSource = (crop: CropPolicy): InputImage | null => {
      const card = get().card;
      if (!source || !card) return null;
      const size = card.preprocessing.inputSize;
      const pad = meanColour(card.preprocessing.mean, card.preprocessing.pixelScale);
      const pixels = toNetworkInput(source.rgb, source.w, source.h, size, crop, pad);
      return {
        id: nextInputId++,
        pixels,
        size,
        source: source.source,
        name: source.name,
        width: source.img.originalWidth,
        height: source.img.originalHeight,
        format: source.img.format,
        orientation: source.img.orientation,
        animated: source.img.animated,
        crop,
      };
    };

    return {
      // lesson slice (before `initial`, which may set its fields)
      ...createLessonSlice<AppState>(set, get),
      // interventions on the gates, the channel ranking
      ...createExperimentsSlice<AppState>({ getEngine: (s) => s.engine, exclusive })(set, get, api),

      // core
      ...tr.INITIAL_CORE,
      ...initial,

      // engine slice
      engine: null,
      card: null,
      engineStatus: 'idle',
      progress: { fraction: 0, stage: 'backend' },
      backend: null,
      requestedBackend: null,
      engineError: null,
      backendNote: null,
      async loadModel(backend = null) {
        if (get().engineStatus === 'loading') return;
        set({ engineStatus: 'loading', engineError: null, requestedBackend: backend, progress: { fraction: 0, stage: 'backend' } });
        try {
          const engine = await deps.createEngine({
            modelsUrl: deps.modelsUrl,
            backend: backend ?? undefined,
            onProgress: (fraction, stage) => set({ progress: { fraction, stage } }),
          });
          const card = engine.card;
          const firstSe = card.architecture.blocks.findIndex((b) => b.se);
          // looked up before the app hears that the model is ready (it may open the first example)
          examplesLoad = (deps.loadExamples ? deps.loadExamples(card) : Promise.resolve([])).catch(() => []);
          void examplesLoad.then((examples) => set({ examples }));
          set({ engine, card, backend: engine.backend, engineStatus: 'ready', selectedBlock: Math.max(0, firstSe) });
          // the engine rebuilt itself (lost WebGL context): show where it runs now, re-run the image
          engine.onBackendChange((info, reason) => {
            set({ backend: info, backendNote: reason });
            const cur = get().input;
            if (cur) {
              set({ running: true });
              void runInference(cur);
            }
          });
          // an image chosen while the model was loading runs now
          if (source) {
            const input = fromSource(get().crop);
            if (input) await accept(input, pendingThumb);
            pendingThumb = null;
          }
        } catch (e) {
          set({ engineStatus: 'error', engineError: (e as Error)?.message ?? String(e) });
        }
      },

      // input slice
      examples: null,
      waiting: null,
      async openExample(id) {
        const ex = (await examplesLoad).find((e) => e.id === id);
        if (!ex || !deps.fetchBlob) return;
        const seq = ++decodeSeq;
        apply(tr.decodingStarted);
        let img: DecodedImage;
        try {
          img = await deps.decodeBlob(await deps.fetchBlob(ex.url));
        } catch (e) {
          if (seq === decodeSeq) apply((s) => tr.inputRejected(s, { code: 'example', params: { reason: (e as Error)?.message ?? String(e) } }));
          return;
        }
        if (seq !== decodeSeq) return; // another image was chosen meanwhile
        await get().submitDecoded(img, ex.id, 'example');
      },
      async openFirstExample() {
        const examples = await examplesLoad;
        const s = get();
        if (s.input || source || s.decoding || !examples[0]) return;
        await s.openExample(examples[0].id);
      },
      async submitBlob(blob, name, src) {
        const seq = ++decodeSeq;
        apply(tr.decodingStarted);
        let img: DecodedImage;
        try {
          img = await deps.decodeBlob(blob);
        } catch (e) {
          if (seq === decodeSeq) apply((s) => tr.inputRejected(s, asInputError(e, { code: 'corrupt', params: { format: '?' } })));
          return;
        }
        if (seq !== decodeSeq) return; // a newer image was chosen meanwhile
        await get().submitDecoded(img, name, src);
      },
      async submitDecoded(img, name, src) {
        decodeSeq++; // a file still decoding must not replace this image later
        let rgb: Float32Array;
        let thumb: GalleryItem['thumb'];
        try {
          rgb = compositeOnWhite(img.rgba, img.width * img.height);
          thumb = thumbnail(rgb, img.width, img.height);
        } catch {
          apply((s) => tr.inputRejected(s, { code: 'corrupt', params: { format: String(img.format).toUpperCase() } }));
          return;
        }
        source = { rgb, w: img.width, h: img.height, img, name, source: src };
        if (!get().card) {
          // the model is still loading: keep the source, run when it is ready
          pendingThumb = thumb;
          set({ decoding: false, inputError: null, waiting: name });
          return;
        }
        const input = fromSource(get().crop);
        if (input) await accept(input, thumb);
      },
      setCrop(crop) {
        apply((s) => tr.cropChanged(s, crop));
        const cur = get().input;
        if (cur && cur.crop !== null && cur.crop !== crop && source) {
          const input = fromSource(crop);
          if (input) void accept(input, null);
        }
      },
      reportError(error) {
        apply((s) => tr.inputRejected(s, error));
      },
      dismissError() {
        apply(tr.errorDismissed);
      },
      async openPixels(pixels, name, src) {
        const card = get().card;
        const size = card?.preprocessing.inputSize ?? 0;
        if (!card || pixels.length !== size * size * 3) return;
        decodeSeq++;
        source = null;
        const input: InputImage = {
          id: nextInputId++,
          pixels,
          size,
          source: src,
          name,
          width: size,
          height: size,
          format: src,
          orientation: 1,
          animated: false,
          crop: null,
        };
        await accept(input, null);
      },

      // view slice
      selectBlock(index) {
        const n = get().card?.architecture.blocks.length ?? 0;
        const before = get().selectedBlock;
        apply((s) => tr.blockSelected(s, index, n));
        if (get().selectedBlock !== before) set(lessonBlockChanged(get()));
      },
      hoverChannel(ref) {
        const h = get().hovered;
        if (h === ref || (h && ref && h.block === ref.block && h.channel === ref.channel)) return;
        apply((s) => tr.channelHovered(s, ref));
      },
      togglePin(ref) {
        apply((s) => tr.channelPinToggled(s, ref));
      },
      setDomainMode(m) {
        apply((s) => tr.domainModeChanged(s, m));
      },
      setOrder(o) {
        apply((s) => tr.orderChanged(s, o));
      },
      setLang(l) {
        apply((s) => tr.langChanged(s, l));
      },

      // gallery slice
      gallery: [],
      galleryStatus: 'loading',
      galleryReason: null,
      async initGallery() {
        if (galleryInit) return galleryInit;
        galleryInit = (async () => {
        try {
          gallery = await deps.openGallery();
          set({ gallery: await gallery.list(), galleryStatus: 'ready', galleryReason: null });
        } catch (e) {
          gallery = null;
          set({ galleryStatus: 'unavailable', galleryReason: (e as Error)?.message || String(e) });
        }
        })();
        return galleryInit;
      },
      async openGalleryItem(id) {
        const item = get().gallery.find((g) => g.id === id);
        const card = get().card;
        if (!item || !card || item.size !== card.preprocessing.inputSize) return;
        decodeSeq++;
        source = null;
        const input: InputImage = {
          id: nextInputId++,
          pixels: item.pixels,
          size: item.size,
          source: 'gallery',
          name: item.name,
          width: item.size,
          height: item.size,
          format: 'gallery',
          orientation: 1,
          animated: false,
          crop: null,
        };
        await accept(input, null);
      },
      async deleteGalleryItem(id) {
        if (!gallery) return;
        try {
          set({ gallery: await gallery.remove(id) });
        } catch (e) {
          set({ galleryStatus: 'unavailable', galleryReason: (e as Error)?.message ?? String(e) });
        }
      },
      async clearGallery() {
        if (!gallery) return;
        try {
          set({ gallery: await gallery.clear() });
        } catch (e) {
          set({ galleryStatus: 'unavailable', galleryReason: (e as Error)?.message ?? String(e) });
        }
      },
    };
  });

  // With interventions, the prediction and the taps that every view shows are the intervened
  // ones (the slice keeps the untouched pass as exBefore for the before → after comparison).
  store.subscribe((s, prev) => {
    if (s.exAfter === prev.exAfter || !s.exAfter || !s.input || s.exImageKey !== s.input.id) return;
    if (s.exAfter !== s.result) store.setState({ result: s.exAfter, resultFor: s.input.id });
  });
  return store;
}
