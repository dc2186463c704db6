// Registers the Workbox service worker (built by vite-plugin-pwa) that precaches the app shell,
// the wasm binaries and the model, so the app works offline after the first visit. A new deploy
// waits for the user: the prompt calls applyUpdate(), which activates it and reloads.
import { registerSW } from 'virtual:pwa-register';

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

export function startServiceWorker() {
  if (!('serviceWorker' in navigator) || update) return;
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () => set({ offlineReady: true }),
  });
}

export const subscribeUpdates = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
export const getUpdateState = () => state;
export const dismissUpdate = () => set({ needRefresh: false, offlineReady: false });
export const applyUpdate = () => update?.(true);
