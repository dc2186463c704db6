/**
 * The one app store, composed of slices (each in ./slices or ./lesson): engine (which model, on
 * which backend), input (the image), session (the one prediction, interventions, ranking), view,
 * gallery and lesson. Side effects (engine, decoding, IndexedDB) are injected so that tests run
 * the store with fakes; the state changes themselves are pure transitions (./transitions,
 * ./lessonTransitions, ./experimentsTransitions).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Engine, EngineOptions } from '../model/engine';
import type { ModelCard } from '../types/card';
import type { ModelSummary } from '../types/models';
import type { Example } from '../types/examples';
import type { DecodedImage } from '../input/decode';
import type { GalleryStore } from '../input/gallery';
import { createLessonSlice, type LessonSlice } from './lesson';
import type { LessonState } from './lessonTransitions';
import { createEngineSlice, type EngineSlice } from './slices/engine';
import { createInputSlice, type InputSlice } from './slices/input';
import { createExamplesSlice, type ExamplesSlice } from './slices/examples';
import { createSessionSlice, type SessionSlice } from './slices/session';
import { createViewSlice, type ViewSlice, type ViewState } from './slices/view';
import { createGallerySlice, type GallerySlice } from './slices/gallery';
import { createTwinSlice, type TwinSlice } from './slices/twin';
import { createOwnModelsSlice, type OwnModelsSlice } from './slices/ownModels';
import { InferenceSession } from './inferenceSession';
import { ownedSlice, type SliceSet } from './sliceOwnership';

export type { EngineStatus, LoadStage, EngineSlice } from './slices/engine';
export type { InputSlice } from './slices/input';
export type { SessionSlice, Prediction } from './slices/session';

export interface Deps {
  createEngine: (opts: EngineOptions) => Promise<Engine>;
  decodeImage: (data: Blob | Uint8Array) => Promise<DecodedImage>;
  openGallery: () => Promise<GalleryStore>;
  modelsUrl: string;
  /** the models the picker offers and the default one (none when absent) */
  listModels?: () => Promise<{ default: string; models: ModelSummary[] }>;
  /** the user's own models: check and keep a folder's files, forget one */
  ownModels?: {
    add: (files: File[]) => Promise<{ summary: ModelSummary; notKept: string | null }>;
    remove: (id: string) => Promise<void>;
  };
  /** the example images offered for a model (none when absent) */
  loadExamples?: (card: ModelCard) => Promise<Example[]>;
  /** reads an example image's file */
  /** an example image read and decoded (once per page, possibly ahead of time, at start-up) */
  decodeExample?: (url: string) => Promise<DecodedImage>;
}

export type AppState = EngineSlice & InputSlice & ExamplesSlice & SessionSlice<Engine> & ViewSlice & GallerySlice & LessonSlice & TwinSlice & OwnModelsSlice;
export type AppStore = StoreApi<AppState>;

/** What a link or the saved settings set before the app starts: the lesson's state, the language, the model. */
export type InitialState = Partial<LessonState & Pick<ViewState, 'lang'> & Pick<EngineSlice, 'modelId'>>;

export function createAppStore(deps: Deps, initial: InitialState = {}): AppStore {
  // the one place that runs the network; its failures are the input's to show
  const session = new InferenceSession<Engine>({ failed: (image, reason) => store.getState().inputFailed(image, reason) });
  const store = createStore<AppState>()((set, get, api) => {
    // each slice writes only its own state (./sliceOwnership); it reads all of it and calls any action
    const slice = <T extends object>(name: string, make: (set: SliceSet<AppState>) => T) => ownedSlice(name, set, make);
    return {
      ...slice('lesson', (s) => createLessonSlice<AppState>(s, get)),
      ...slice('session', (s) => createSessionSlice<AppState, Engine>(session)(s, get, api)),
      ...slice('engine', (s) => createEngineSlice(deps)(s, get, api)),
      ...slice('input', (s) => createInputSlice(deps)(s, get, api)),
      ...slice('examples', (s) => createExamplesSlice(deps)(s, get, api)),
      ...slice('view', (s) => createViewSlice(s, get, api)),
      ...slice('gallery', (s) => createGallerySlice(deps)(s, get, api)),
      ...slice('twin', (s) => createTwinSlice(deps)(s, get, api)),
      ...slice('ownModels', (s) => createOwnModelsSlice(deps)(s, get, api)),
      ...initial,
    };
  });
  return store;
}
