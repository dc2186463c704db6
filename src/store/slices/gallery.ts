/** The gallery slice: the user's recent images, kept on the device (IndexedDB, injected). */
import type { StateCreator } from 'zustand/vanilla';
import { pixelHash, type GalleryItem, type GalleryStore, type NewGalleryItem } from '../../input/gallery';
import type { InputImage } from '../transitions';
import type { AppState, Deps } from '../store';
import type { Thumb } from './input';

export interface GallerySlice {
  gallery: GalleryItem[];
  galleryStatus: 'loading' | 'ready' | 'unavailable';
  galleryReason: string | null;
  /** the open database; null until opened or when IndexedDB is unavailable */
  galleryDb: GalleryStore | null;
  galleryOpening: Promise<void> | null;
  initGallery: () => Promise<void>;
  /** keeps a recent image (failures degrade the gallery, never the prediction) */
  addToGallery: (input: InputImage, thumb: Thumb) => void;
  openGalleryItem: (id: number) => Promise<void>;
  deleteGalleryItem: (id: number) => Promise<void>;
  clearGallery: () => Promise<void>;
}

const reason = (e: unknown) => (e as Error)?.message || String(e);

export function createGallerySlice(deps: Deps): StateCreator<AppState, [], [], GallerySlice> {
  return (set, get) => {
    const unavailable = (e: unknown) => set({ galleryStatus: 'unavailable', galleryReason: reason(e) });
    return {
      gallery: [],
      galleryStatus: 'loading',
      galleryReason: null,
      galleryDb: null,
      galleryOpening: null,

      initGallery() {
        const opening = get().galleryOpening;
        if (opening) return opening;
        const next = (async () => {
          try {
            const db = await deps.openGallery();
            set({ galleryDb: db, gallery: await db.list(), galleryStatus: 'ready', galleryReason: null });
          } catch (e) {
            set({ galleryDb: null });
            unavailable(e);
          }
        })();
        set({ galleryOpening: next });
        return next;
      },

      addToGallery(input, thumb) {
        const db = get().galleryDb;
        if (!db) return;
        const item: NewGalleryItem = { createdAt: Date.now(), name: input.name, size: input.size, pixels: input.pixels, thumb, hash: pixelHash(input.pixels) };
        db.add(item)
          .then((items) => set({ gallery: items }))
          .catch(unavailable);
      },

      async openGalleryItem(id) {
        const item = get().gallery.find((g) => g.id === id);
        // the input slice checks the size against the model's input
        if (item) await get().openPixels(item.pixels, item.name, 'gallery');
      },

      async deleteGalleryItem(id) {
        const db = get().galleryDb;
        if (!db) return;
        try {
          set({ gallery: await db.remove(id) });
        } catch (e) {
          unavailable(e);
        }
      },

      async clearGallery() {
        const db = get().galleryDb;
        if (!db) return;
        try {
          set({ gallery: await db.clear() });
        } catch (e) {
          unavailable(e);
        }
      },
    };
  };
}
