/**
 * The input slice: the image the network runs on, from any source (file, drop, paste, camera,
 * example, gallery, link), its crop, and what happens when the model changes under it. Decoding
 * is injected (deps.decodeImage); the state changes are the pure transitions of ../transitions,
 * the network inputs are built by ./inputImages.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { DecodedImage } from '../../input/decode';
import { asInputError } from '../../input/errors';
import type { CropPolicy } from '../../compute/resize';
import type { InputError } from '../../compute/limits';
import * as tr from '../transitions';
import type { InputFields, InputImage, InputSource } from '../transitions';
import { markOnce } from '../perfMarks';
import type { AppState, Deps } from '../store';
import { decodedSource, keptInGallery, pixelsInput, resizedInput, sourceInput, type SourceImage, type Thumb } from './inputImages';

export type { SourceImage, Thumb } from './inputImages';

export interface InputState extends InputFields {
  /** the name of an image chosen before the model was ready, waiting to be classified */
  waiting: string | null;
  source: SourceImage | null;
  /** the thumbnail of an image that waits for the model (it goes to the gallery then) */
  pendingThumb: Thumb | null;
  /** counts decodes: a decode that finishes after a newer choice is dropped */
  decodeSeq: number;
  nextInputId: number;
}

export const INITIAL_INPUT: InputState = { input: null, inputError: null, decoding: false, crop: 'center', waiting: null, source: null, pendingThumb: null, decodeSeq: 0, nextInputId: 1 };

export interface InputSlice extends InputState {
  openExample: (id: string) => Promise<void>;
  /** opens the first example unless an image is already there or on its way */
  openFirstExample: () => Promise<void>;
  submitBlob: (blob: Blob, name: string, source: InputSource) => Promise<void>;
  submitDecoded: (img: DecodedImage, name: string, source: InputSource) => Promise<void>;
  setCrop: (crop: CropPolicy) => void;
  reportError: (error: InputError) => void;
  dismissError: () => void;
  /** runs the network on exact input pixels (size×size RGB), e.g. from a shared link or the gallery */
  openPixels: (pixels: Uint8Array, name: string, source: InputSource) => Promise<void>;
  /** makes `input` the current image and runs it (recent images also go to the gallery) */
  acceptInput: (input: InputImage, thumb: Thumb | null) => Promise<void>;
  /** a model was installed: run the waiting or current image on it, at its input size */
  inputForModel: () => Promise<void>;
  /** the network failed on `image`: say why (unless another image is current) */
  inputFailed: (image: number | string, reason: string) => void;
}

const reason = (e: unknown) => (e as Error)?.message ?? String(e);

/** an example's file decoded, with the cold load's marks around it */
const markedDecode = (decode: (url: string) => Promise<DecodedImage>, url: string) => async () => {
  markOnce('se:example-requested');
  const img = await decode(url);
  markOnce('se:example-decoded');
  return img;
};

export function createInputSlice(deps: Deps): StateCreator<AppState, [], [], InputSlice> {
  return (set, get) => {
    const apply = (f: (s: AppState) => Partial<InputState>) => set((s) => f(s));
    const newId = () => {
      const id = get().nextInputId;
      set({ nextInputId: id + 1 });
      return id;
    };
    const fromSource = (crop: CropPolicy) => {
      const { card, source } = get();
      return source && card ? sourceInput(newId(), source, card, crop) : null;
    };
    /** decodes a new choice; a decode that finishes after a newer choice is dropped */
    const decodeThen = async (decode: () => Promise<DecodedImage>, refused: (e: unknown) => InputError, name: string, src: InputSource) => {
      const seq = get().decodeSeq + 1;
      set({ decodeSeq: seq });
      apply(tr.decodingStarted);
      let img: DecodedImage;
      try {
        img = await decode();
      } catch (e) {
        if (seq === get().decodeSeq) apply((s) => tr.inputRejected(s, refused(e)));
        return;
      }
      if (seq === get().decodeSeq) await get().submitDecoded(img, name, src);
    };
    return {
      ...INITIAL_INPUT,
      async acceptInput(input, thumb) {
        apply((s) => ({ ...tr.inputAccepted(s, input), waiting: null }));
        if (thumb && keptInGallery(input.source)) get().addToGallery(input, thumb);
        await get().runImage(input.id, input.pixels);
      },
      async inputForModel() {
        const { card, input, source, crop, pendingThumb } = get();
        if (!card) return;
        const size = card.preprocessing.inputSize;
        if (input && input.size === size) return get().runImage(input.id, input.pixels);
        const next = source ? fromSource(input?.crop ?? crop) : input ? resizedInput(newId(), input, size) : null;
        if (source) set({ pendingThumb: null });
        if (next) await get().acceptInput(next, source && !input ? pendingThumb : null);
      },
      async openExample(id) {
        const ex = (await get().examplesReady).find((e) => e.id === id);
        if (ex && deps.decodeExample) await decodeThen(markedDecode(deps.decodeExample, ex.url), (e) => ({ code: 'example', params: { reason: reason(e) } }), ex.id, 'example');
      },
      async openFirstExample() {
        const examples = await get().examplesReady;
        const s = get();
        if (!s.input && !s.source && !s.decoding && examples[0]) await s.openExample(examples[0].id);
      },
      submitBlob: (blob, name, src) => decodeThen(() => deps.decodeImage(blob), (e) => asInputError(e, { code: 'corrupt', params: { format: '?' } }), name, src),
      async submitDecoded(img, name, src) {
        set({ decodeSeq: get().decodeSeq + 1 }); // a file still decoding must not replace this image later
        const made = decodedSource(img, name, src);
        if (!made) return apply((s) => tr.inputRejected(s, { code: 'corrupt', params: { format: String(img.format).toUpperCase() } }));
        set({ source: made.source });
        // the model is still loading: keep the source, run when it is ready
        if (!get().card) return set({ pendingThumb: made.thumb, decoding: false, inputError: null, waiting: name });
        const input = fromSource(get().crop);
        if (input) await get().acceptInput(input, made.thumb);
      },
      setCrop(crop) {
        apply((s) => tr.cropChanged(s, crop));
        const cur = get().input;
        const input = cur && cur.crop !== null && cur.crop !== crop ? fromSource(crop) : null;
        if (input) void get().acceptInput(input, null);
      },
      reportError: (error) => apply((s) => tr.inputRejected(s, error)),
      dismissError: () => apply(tr.errorDismissed),
      inputFailed: (image, why) => apply((s) => tr.predictionFailed(s, image, { code: 'model', params: { reason: why } })),
      async openPixels(pixels, name, src) {
        const size = get().card?.preprocessing.inputSize ?? 0;
        if (!size || pixels.length !== size * size * 3) return;
        set({ decodeSeq: get().decodeSeq + 1, source: null });
        await get().acceptInput(pixelsInput(newId(), pixels, size, name, src), null);
      },
    };
  };
}
