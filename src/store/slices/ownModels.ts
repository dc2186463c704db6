/** The own-models slice: a model the user exported with training/export.py, checked, kept on the device, and removed. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, Deps } from '../store';

export interface OwnModelsSlice {
  /** a folder of the user's is being checked */
  ownModelChecking: boolean;
  /** why the user's folder was refused (names the file and the problem); the running model stays */
  ownModelError: string | null;
  /** a loaded model that could not be kept on the device says so here */
  ownModelNotice: string | null;
  /** checks the files of a model exported by training/export.py, keeps it and switches to it */
  loadOwnModel: (files: File[]) => Promise<void>;
  /** forgets one of the user's models (switching to the default one first if it runs) */
  removeOwnModel: (id: string) => Promise<void>;
}

const message = (e: unknown) => (e as Error)?.message ?? String(e);

export function createOwnModelsSlice(deps: Deps): StateCreator<AppState, [], [], OwnModelsSlice> {
  return (set, get) => ({
    ownModelChecking: false,
    ownModelError: null,
    ownModelNotice: null,
    async loadOwnModel(files) {
      if (!deps.ownModels || get().ownModelChecking) return;
      set({ ownModelChecking: true, ownModelError: null, ownModelNotice: null });
      try {
        const added = await deps.ownModels.add(files);
        set({ ownModelNotice: added.notKept });
        await get().loadModelIndex();
        await get().switchModel(added.summary.id);
      } catch (e) {
        set({ ownModelError: message(e) });
      } finally {
        set({ ownModelChecking: false });
      }
    },
    async removeOwnModel(id) {
      if (!deps.ownModels) return;
      if (get().card?.id === id) {
        const fallback = get().defaultModel ?? get().models?.find((m) => m.origin === 'shipped')?.id;
        if (fallback) await get().switchModel(fallback);
      }
      try {
        await deps.ownModels.remove(id);
      } catch (e) {
        set({ ownModelError: message(e) });
      }
      await get().loadModelIndex();
    },
  });
}
