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
import * as tr from './transitions';
import type { CoreState } from './transitions';
import { createLessonSlice, type LessonSlice } from './lesson';
import type { LessonState } from './lessonTransitions';
import { createEngineSlice, type EngineSlice } from './slices/engine';
import { createInputSlice, type InputSlice } from './slices/input';
import { createSessionSlice, type SessionSlice } from './slices/session';
import { createViewSlice, type ViewSlice } from './slices/view';
import { createGallerySlice, type GallerySlice } from './slices/gallery';

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

export type AppState = CoreState & EngineSlice & InputSlice & SessionSlice & ViewSlice & GallerySlice & LessonSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: Deps, initial: Partial<CoreState & LessonState & Pick<EngineSlice, 'modelId'>> = {}): AppStore {
  return createStore<AppState>()((set, get, api) => ({
    // lesson slice (before `initial`, which may set its fields)
    ...createLessonSlice<AppState>(set, get),
    ...createSessionSlice<AppState>({
      getEngine: (s) => s.engine,
      published: (image, p) => set((s) => tr.predictionPublished(s, image, p.after.ms)),
      failed: (image, reason) => set((s) => tr.predictionFailed(s, image, { code: 'model', params: { reason } })),
    })(set, get, api),
    ...tr.INITIAL_CORE,
    ...createEngineSlice(deps)(set, get, api),
    ...createInputSlice(deps)(set, get, api),
    ...createViewSlice(set, get, api),
    ...createGallerySlice(deps)(set, get, api),
    ...initial,
  }));
}
