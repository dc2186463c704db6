/**
 * Recent images in IndexedDB: the network input pixels (size×size×3) and a small thumbnail,
 * nothing else. Everything stays on this device.
 */
import { done, req } from '../storage/idb';

export interface GalleryItem {
  id: number;
  createdAt: number;
  name: string;
  size: number;
  pixels: Uint8Array;
  /** RGB thumbnail */
  thumb: { w: number; h: number; rgb: Uint8Array };
  /** for de-duplication */
  hash: string;
}

export type NewGalleryItem = Omit<GalleryItem, 'id'>;

export interface GalleryStore {
  list(): Promise<GalleryItem[]>;
  add(item: NewGalleryItem): Promise<GalleryItem[]>;
  remove(id: number): Promise<GalleryItem[]>;
  clear(): Promise<GalleryItem[]>;
}

const DB = 'se-explainer';
const STORE = 'recent';
export const MAX_ITEMS = 24;

/** FNV-1a over the pixels: equal inputs are stored once. */
export function pixelHash(p: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) {
    h ^= p[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return `${p.length}:${(h >>> 0).toString(16)}`;
}

export async function openGallery(): Promise<GalleryStore> {
  if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('IndexedDB is not available');
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
  };
  const db = await req(open);

  const list = async (): Promise<GalleryItem[]> => {
    const tx = db.transaction(STORE, 'readonly');
    const all = (await req(tx.objectStore(STORE).getAll())) as GalleryItem[];
    return all.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  };

  return {
    list,
    async add(item) {
      const existing = await list();
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const old of existing) if (old.hash === item.hash) store.delete(old.id);
      store.add(item);
      const keep = existing.filter((o) => o.hash !== item.hash);
      for (const old of keep.slice(MAX_ITEMS - 1)) store.delete(old.id);
      await done(tx);
      return list();
    },
    async remove(id) {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(id);
      await done(tx);
      return list();
    },
    async clear() {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      await done(tx);
      return list();
    },
  };
}
