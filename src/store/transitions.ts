/**
 * The user's intents as pure state transitions. The store's actions call these and apply the
 * returned partial state; unit tests call them directly.
 */
import type { CropPolicy } from '../compute/resize';
import type { InputError } from '../compute/limits';
import type { DomainMode } from '../compute/domain';
import type { ChannelOrder } from '../compute/chartdata';
import type { Lang } from '../i18n';
import type { ForwardResult } from '../types/forward';
import type { AppMode } from '../compute/shareLink';

export type InputSource = 'file' | 'drop' | 'paste' | 'camera' | 'gallery' | 'sample' | 'link' | 'example';

/** The image the network is (about to be) run on. */
export interface InputImage {
  id: number;
  /** RGB 0..255, HWC, size×size×3: exactly what the network sees */
  pixels: Uint8Array;
  size: number;
  source: InputSource;
  name: string;
  width: number;
  height: number;
  format: string;
  orientation: number;
  animated: boolean;
  /** the crop policy that made `pixels`; null when re-cropping is impossible (gallery) */
  crop: CropPolicy | null;
}

export interface ChannelRef {
  block: number;
  channel: number;
}

/** The input slice's own state (slices/input.ts holds the rest of it and the initial values). */
export interface InputFields {
  input: InputImage | null;
  inputError: InputError | null;
  decoding: boolean;
  crop: CropPolicy;
}

/** The view slice's state (slices/view.ts holds its initial values). */
export interface ViewState {
  selectedBlock: number;
  hovered: ChannelRef | null;
  pinned: ChannelRef | null;
  domainMode: DomainMode;
  order: ChannelOrder;
  lang: Lang;
}

type T = Partial<InputFields>;
type V = Partial<ViewState>;

/** A decoded image replaces the current one; its prediction is pending. */
export function inputAccepted(_s: InputFields, input: InputImage): T {
  return { input, inputError: null, decoding: false };
}

/** Bad input: say why, keep the previous image and prediction exactly as they were. */
export function inputRejected(_s: InputFields, error: InputError): T {
  return { inputError: error, decoding: false };
}

export function decodingStarted(_s: InputFields): T {
  return { decoding: true };
}

export function errorDismissed(_s: InputFields): T {
  return { inputError: null };
}

/** The pass of an image failed: say why, unless another image is current by now. */
export function predictionFailed(s: InputFields, image: number | string, error: InputError): T {
  if (s.input?.id !== image) return {};
  return { inputError: error };
}

/** What `predictionIsCurrent` and `shownResult` look at. */
export interface PredictionView {
  input: InputImage | null;
  prediction: { model: string; image: number | string; after: ForwardResult } | null;
  card: { id: string } | null;
}

/** The prediction is the current image's through the current model (not a previous one's, not pending). */
export function predictionIsCurrent(s: PredictionView): boolean {
  return !!s.input && !!s.prediction && !!s.card && s.prediction.image === s.input.id && s.prediction.model === s.card.id;
}

/** What `isRunning` looks at: the view of the prediction and the session's pending and failed image. */
export interface RunningView extends PredictionView {
  imagePending: number | string | null;
  failedImage: number | string | null;
}

/**
 * The current image is on its way through the network: its pass is queued or running (also when
 * it runs again on another backend), or it has no prediction yet and its pass did not fail.
 * Derived, never stored: the session's state says it.
 */
export function isRunning(s: RunningView): boolean {
  if (!s.input) return false;
  if (s.imagePending === s.input.id) return true;
  return s.failedImage !== s.input.id && !predictionIsCurrent(s);
}

/** How long the pass that computed what is shown took (ms); null before the first prediction. */
export function lastPassMs(s: { prediction: { after: ForwardResult } | null }): number | null {
  return s.prediction ? s.prediction.after.ms : null;
}

/**
 * A first visit's image is on its way: no image has been taken yet, and start-up will open the
 * link's image or the model's first example (nothing has failed, the model has examples). The
 * prediction panel keeps the room of an image and its result meanwhile, so the page does not
 * jump when they come.
 */
export function startupImageComing(s: {
  input: unknown;
  nextInputId: number;
  inputError: unknown;
  engineStatus: string;
  examples: readonly unknown[] | null;
  linkNotice: { code: string } | null;
}): boolean {
  if (s.input || s.nextInputId !== 1 || s.inputError || s.engineStatus === 'error') return false;
  return s.linkNotice?.code !== 'image' && (s.examples === null || s.examples.length > 0);
}

/** The card the page is drawn from: the running model's, or the first model's while its weights download. */
export function drawnCard<C>(s: { card: C | null; loadingCard: C | null }): C | null {
  return s.card ?? s.loadingCard;
}

/** The result every view shows: the current prediction with its interventions; null while none is current. */
export function shownResult(s: PredictionView): ForwardResult | null {
  return predictionIsCurrent(s) ? s.prediction!.after : null;
}

/**
 * Where the model's loading progress shows: the page's first load, in the explorer, in the
 * inspector (in the room kept for the first result, so the page does not move when it goes);
 * a later load (a model switch) or the lesson's, in the notices above the page; none when no
 * load is under way.
 */
export function loadProgressPlace(s: { engineStatus: string; card: unknown; mode: AppMode }): 'inspector' | 'notice' | null {
  if (s.engineStatus !== 'loading' && s.engineStatus !== 'idle') return null;
  return !s.card && s.mode === 'explore' ? 'inspector' : 'notice';
}

/** Selecting a block (clamped to the model); a pin on another block is released. */
export function blockSelected(s: ViewState, index: number, blockCount: number): V {
  if (blockCount <= 0) return {};
  const selectedBlock = Math.max(0, Math.min(blockCount - 1, Math.round(index)));
  return {
    selectedBlock,
    pinned: s.pinned && s.pinned.block === selectedBlock ? s.pinned : null,
    hovered: null,
  };
}

export function channelHovered(_s: ViewState, ref: ChannelRef | null): V {
  return { hovered: ref };
}

/** Click on a channel pins it (touch screens have no hover); clicking it again releases it. */
export function channelPinToggled(s: ViewState, ref: ChannelRef): V {
  const same = s.pinned && s.pinned.block === ref.block && s.pinned.channel === ref.channel;
  return { pinned: same ? null : ref };
}

/** The channel every view highlights: the hovered one, else the pinned one. */
export function highlighted(s: Pick<ViewState, 'hovered' | 'pinned' | 'selectedBlock'>): number | null {
  const r = s.hovered ?? s.pinned;
  return r && r.block === s.selectedBlock ? r.channel : null;
}

export function domainModeChanged(_s: ViewState, domainMode: DomainMode): V {
  return { domainMode };
}

export function orderChanged(_s: ViewState, order: ChannelOrder): V {
  return { order };
}

export function cropChanged(_s: InputFields, crop: CropPolicy): T {
  return { crop };
}

export function langChanged(_s: ViewState, lang: Lang): V {
  return { lang };
}
