/**
 * The input slice: the image the network runs on, from any source (file, drop, paste, camera,
 * example, gallery, link), its crop, and what happens when the model changes under it. Decoding
 * is injected (deps.decodeImage); the state changes are the pure transitions of ../transitions.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ModelCard } from '../../types/card';
import type { Example } from '../../types/examples';
import type { DecodedImage } from '../../input/decode';
import type { GalleryItem } from '../../input/gallery';
import { asInputError } from '../../input/errors';
import { compositeOnWhite, fitWithin, meanColour, resizeArea, toNetworkInput, type CropPolicy } from '../../compute/resize';
import type { InputError } from '../../compute/limits';
import * as tr from '../transitions';
import type { InputImage, InputSource } from '../transitions';
import { markOnce } from '../perfMarks';
import type { AppState, Deps } from '../store';

/** The last decoded image (composited RGB), kept for re-cropping and for a model of another input size. */
export interface SourceImage {
  rgb: Float32Array;
  w: number;
  h: number;
  img: DecodedImage;
  name: string;
  source: InputSource;
}

export type Thumb = GalleryItem['thumb'];

export interface InputSlice {
  /** the current model's example images; null until they are known */
  examples: Example[] | null;
  /** resolves to the current model's examples once looked up */
  examplesReady: Promise<Example[]>;
  /** the name of an image chosen before the model was ready, waiting to be classified */
  waiting: string | null;
  source: SourceImage | null;
  /** the thumbnail of an image that waits for the model (it goes to the gallery then) */
  pendingThumb: Thumb | null;
  /** counts decodes: a decode that finishes after a newer choice is dropped */
  decodeSeq: number;
  nextInputId: number;
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
  /** makes `input` the current image and runs it (recent images also go to the gallery) */
  acceptInput: (input: InputImage, thumb: Thumb | null) => Promise<void>;
  /** a model was installed: run the waiting or current image on it, at its input size */
  inputForModel: () => Promise<void>;
  /** looks up the examples of a model */
  startExamples: (card: ModelCard) => void;
}

const THUMB = 64;

function thumbnail(rgb: Float32Array, w: number, h: number): Thumb {
  const t = fitWithin(w, h, THUMB);
  const small = resizeArea(rgb, w, h, 3, { x: 0, y: 0, w, h }, t.w, t.h);
  return { w: t.w, h: t.h, rgb: Uint8Array.from(small, (v) => Math.max(0, Math.min(255, Math.round(v)))) };
}

const reason = (e: unknown) => (e as Error)?.message ?? String(e);

/** recent images are the user's own: not the gallery's, not the examples */
const keptInGallery = (src: InputSource) => src !== 'gallery' && src !== 'example';

export function createInputSlice(deps: Deps): StateCreator<AppState, [], [], InputSlice> {
  return (set, get) => {
    const apply = (f: (s: AppState) => Partial<AppState>) => set((s) => f(s));
    const newId = () => {
      const id = get().nextInputId;
      set({ nextInputId: id + 1 });
      return id;
    };

    /** the network input of the kept source for the current model */
    const fromSource = (crop: CropPolicy): InputImage | null => {
      const { card, source } = get();
      if (!source || !card) return null;
      const size = card.preprocessing.inputSize;
      const pad = meanColour(card.preprocessing.mean, card.preprocessing.pixelScale);
      return {
        id: newId(),
        pixels: toNetworkInput(source.rgb, source.w, source.h, size, crop, pad),
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

    /** an image known only by its network pixels (gallery, link), resampled to another input size */
    const resized = (input: InputImage, size: number): InputImage => {
      const rgb = Float32Array.from(input.pixels);
      const px = resizeArea(rgb, input.size, input.size, 3, { x: 0, y: 0, w: input.size, h: input.size }, size, size);
      return { ...input, id: newId(), size, pixels: Uint8Array.from(px, (v) => Math.max(0, Math.min(255, Math.round(v)))) };
    };

    const pixelsInput = (pixels: Uint8Array, size: number, name: string, src: InputSource, format: string): InputImage => ({
      id: newId(),
      pixels,
      size,
      source: src,
      name,
      width: size,
      height: size,
      format,
      orientation: 1,
      animated: false,
      crop: null,
    });

    /** the card whose examples were looked up last */
    let examplesOf: ModelCard | null = null;

    return {
      examples: null,
      examplesReady: Promise.resolve([]),
      waiting: null,
      source: null,
      pendingThumb: null,
      decodeSeq: 0,
      nextInputId: 1,

      startExamples(card) {
        // the first model's examples start from its card before its weights arrive (loadingCard)
        if (examplesOf === card) return;
        examplesOf = card;
        const ready = (deps.loadExamples ? deps.loadExamples(card) : Promise.resolve([])).catch(() => [] as Example[]);
        set({ examplesReady: ready });
        void ready.then((examples) => {
          if (get().examplesReady === ready) set({ examples });
        });
      },

      async acceptInput(input, thumb) {
        apply((s) => tr.inputAccepted(s, input));
        set({ waiting: null });
        if (thumb && keptInGallery(input.source)) get().addToGallery(input, thumb);
        await get().runImage(input.id, input.pixels);
      },

      async inputForModel() {
        const { card, input, source, crop } = get();
        if (!card) return;
        const size = card.preprocessing.inputSize;
        if (input && input.size === size) {
          set({ running: true });
          await get().runImage(input.id, input.pixels);
        } else if (source) {
          const next = fromSource(input?.crop ?? crop);
          const thumb = input ? null : get().pendingThumb;
          set({ pendingThumb: null });
          if (next) await get().acceptInput(next, thumb);
        } else if (input) {
          await get().acceptInput(resized(input, size), null);
        }
      },

      async openExample(id) {
        const ex = (await get().examplesReady).find((e) => e.id === id);
        const { decodeExample } = deps;
        if (!ex || !decodeExample) return;
        const seq = get().decodeSeq + 1;
        set({ decodeSeq: seq });
        apply(tr.decodingStarted);
        let img: DecodedImage;
        try {
          markOnce('se:example-requested');
          img = await decodeExample(ex.url);
          markOnce('se:example-decoded');
        } catch (e) {
          if (seq === get().decodeSeq) apply((s) => tr.inputRejected(s, { code: 'example', params: { reason: reason(e) } }));
          return;
        }
        if (seq !== get().decodeSeq) return; // another image was chosen meanwhile
        await get().submitDecoded(img, ex.id, 'example');
      },

      async openFirstExample() {
        const examples = await get().examplesReady;
        const s = get();
        if (s.input || s.source || s.decoding || !examples[0]) return;
        await s.openExample(examples[0].id);
      },

      async submitBlob(blob, name, src) {
        const seq = get().decodeSeq + 1;
        set({ decodeSeq: seq });
        apply(tr.decodingStarted);
        let img: DecodedImage;
        try {
          img = await deps.decodeImage(blob);
        } catch (e) {
          if (seq === get().decodeSeq) apply((s) => tr.inputRejected(s, asInputError(e, { code: 'corrupt', params: { format: '?' } })));
          return;
        }
        if (seq !== get().decodeSeq) return; // a newer image was chosen meanwhile
        await get().submitDecoded(img, name, src);
      },

      async submitDecoded(img, name, src) {
        set({ decodeSeq: get().decodeSeq + 1 }); // a file still decoding must not replace this image later
        let rgb: Float32Array;
        let thumb: Thumb | null;
        try {
          rgb = compositeOnWhite(img.rgba, img.width * img.height);
          // only the user's own images become recent images (cold code: ~70 ms at start-up)
          thumb = keptInGallery(src) ? thumbnail(rgb, img.width, img.height) : null;
        } catch {
          apply((s) => tr.inputRejected(s, { code: 'corrupt', params: { format: String(img.format).toUpperCase() } }));
          return;
        }
        set({ source: { rgb, w: img.width, h: img.height, img, name, source: src } });
        if (!get().card) {
          // the model is still loading: keep the source, run when it is ready
          set({ pendingThumb: thumb, decoding: false, inputError: null, waiting: name });
          return;
        }
        const input = fromSource(get().crop);
        if (input) await get().acceptInput(input, thumb);
      },

      setCrop(crop) {
        apply((s) => tr.cropChanged(s, crop));
        const cur = get().input;
        if (cur && cur.crop !== null && cur.crop !== crop && get().source) {
          const input = fromSource(crop);
          if (input) void get().acceptInput(input, null);
        }
      },

      reportError(error) {
        apply((s) => tr.inputRejected(s, error));
      },

      dismissError() {
        apply(tr.errorDismissed);
      },

      async openPixels(pixels, name, src) {
        const size = get().card?.preprocessing.inputSize ?? 0;
        if (!size || pixels.length !== size * size * 3) return;
        set({ decodeSeq: get().decodeSeq + 1, source: null });
        await get().acceptInput(pixelsInput(pixels, size, name, src, src), null);
      },
    };
  };
}

/** for the gallery slice: an input made from a stored item's pixels */
export function galleryInput(id: number, pixels: Uint8Array, size: number, name: string): InputImage {
  return { id, pixels, size, source: 'gallery', name, width: size, height: size, format: 'gallery', orientation: 1, animated: false, crop: null };
}
