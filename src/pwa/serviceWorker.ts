// Registers the Workbox service worker (built by vite-plugin-pwa) that precaches the app shell,
// the fonts and the wasm binary, and keeps the model and the examples (see ./caching), so the
// app works offline after the first visit. A new deploy waits for the user: the prompt calls
// applyUpdate(), which activates it and reloads.
import { registerSW } from 'virtual:pwa-register';
import { DATA_CACHE, isDataUrl, PAGE_CACHE } from './caching';

export interface UpdateState {
  /** a new version is downloaded and waiting */
  needRefresh: boolean;
  /** everything is cached: the app works offline from now on */
  offlineReady: boolean;
}

let state: UpdateState = { needRefresh: false, offlineReady: false };
const listeners = new Set<() => void>();
let update: ((reload?: boolean) => Promise<void>) | null = null;

function set(patch: Partial<UpdateState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

/**
 * Call once the first image is drawn: the worker's downloads must not compete with it. Offline
 * is ready when the precache is complete and the page's model and example files are kept.
 */
export function startServiceWorker() {
  if (!('serviceWorker' in navigator) || update) return;
  performance.mark('se:sw-registered');
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () =>
      void keepForOffline().then(
        () => set({ offlineReady: true }),
        () => undefined, // the worker still caches them as they are fetched again
      ),
  });
  // a returning visit (the worker is active already): keep what is new, quietly
  void keepForOffline().catch(() => undefined);
}

/**
 * Copies the model and example files this page has loaded into the worker's data cache. The
 * requests are answered by the browser's HTTP cache (at most a 304 revalidation), so nothing is
 * downloaded twice. Resolves with the number of files kept.
 */
export async function keepForOffline(): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  const urls = [...new Set(performance.getEntriesByType('resource').map((e) => e.name))].filter((u) => isDataUrl(u, location.origin));
  // the page as it was navigated to (the address bar has changed since: that URL is not cached)
  const page = performance.getEntriesByType('navigation')[0]?.name ?? location.href;
  const keep = async (name: string, list: string[], match?: CacheQueryOptions) => {
    const cache = await caches.open(name);
    await Promise.all(
      list.map(async (u) => {
        if (!(await cache.match(u, match))) await cache.add(u);
      }),
    );
  };
  await Promise.all([keep(DATA_CACHE, urls), keep(PAGE_CACHE, [page], { ignoreSearch: true })]);
  return urls.length + 1;
}

export const subscribeUpdates = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
export const getUpdateState = () => state;
export const dismissUpdate = () => set({ needRefresh: false, offlineReady: false });
export const applyUpdate = () => update?.(true);
