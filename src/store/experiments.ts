/**
 * The experiments slice: interventions on the SE gates (per-channel weights, SE off, softmax
 * gate), the prediction before and after them, a shareable text form of the overrides, and the
 * "which channels matter here" ranking. Generic over the app state so that it can be merged
 * into the app store:
 *
 *   createStore<AppState>()((set, get, api) => ({
 *     ...createExperimentsSlice<AppState>({ getEngine: (s) => s.engine, exclusive })(set, get, api),
 *     ...
 *   }))
 *
 * Forward passes go through `engine.update(overrides)`, which re-runs only from the first block
 * whose override changed. The slice assumes that the engine's block cache belongs to the image
 * given to `exSetImage` and to the last overrides it ran: whoever else runs the engine must call
 * `exSetImage` again afterwards (the app: whenever its own prediction for an image lands), and
 * should pass `exclusive` so that the two never interleave.
 */
import { useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { StateCreator } from 'zustand/vanilla';
import type { Engine } from '../model/engine';
import type { BlockTaps, ForwardResult, Overrides } from '../types/forward';
import { isZeroed, rankChannels as rank, withChannelZeroed, argmax } from '../compute/channelRanking';
import { deserialiseOverrides, fitOverrides, serialiseOverrides, type OverrideShape } from '../compute/overridesCodec';
import * as tr from './experimentsTransitions';
import type { RankingState } from './experimentsTransitions';

export type { RankingState } from './experimentsTransitions';

/** The part of the engine the slice needs (a fake in unit tests). */
export type ExperimentEngine = Pick<Engine, 'card' | 'classify' | 'update' | 'rerunFrom'>;

export interface ExperimentsDeps<S> {
  /** the engine, or null while the model loads */
  getEngine: (state: S) => ExperimentEngine | null;
  /**
   * Runs engine work one job at a time together with the rest of the app (pass the app's
   * inference chain); by default the slice keeps its own queue.
   */
  exclusive?: <T>(job: () => Promise<T>) => Promise<T>;
}

export type ImageKey = string | number;

export interface ExperimentsSlice {
  /** the image the experiments run on */
  exImageKey: ImageKey | null;
  /** current interventions (normalised: no no-op entries) */
  exOverrides: Overrides;
  /** prediction without interventions, with every block's taps */
  exBefore: ForwardResult | null;
  /** prediction with `exOverrides`, with every block's taps (merged over partial re-runs) */
  exAfter: ForwardResult | null;
  /** overridesKey of the overrides `exAfter` was computed for */
  exAfterKey: string | null;
  /** a pass is queued or running */
  exBusy: boolean;
  exError: string | null;
  exRanking: RankingState;

  /**
   * A new image (or the same one after the engine was rebuilt). Pass `before` when the caller
   * has just classified `pixels` without overrides on this engine (its cache then holds them);
   * otherwise the slice classifies. Interventions are kept across images.
   */
  exSetImage: (key: ImageKey, pixels: ArrayLike<number>, before?: ForwardResult) => Promise<void>;
  setChannelWeight: (block: number, channel: number, value: number) => void;
  zeroChannel: (block: number, channel: number) => void;
  resetChannel: (block: number, channel: number) => void;
  setBlockSE: (block: number, on: boolean) => void;
  /** off = true: s = 1 in every SE block (and no forced channels); false: trained gates back */
  setAllSE: (off: boolean) => void;
  setGate: (block: number, gate: 'sigmoid' | 'softmax') => void;
  removeBlockOverride: (block: number) => void;
  resetAll: () => void;
  /** replaces every override (fitted to the model); returns how many entries did not fit */
  setOverrides: (ov: Overrides) => number;
  /** the compact URL-safe text of the current overrides */
  overridesText: () => string;
  /** applies a shared link's text; false when it is malformed */
  applyOverridesText: (text: string) => { ok: boolean; dropped: number };
  /** ranks the channels of `block` by how much zeroing each changes the top class */
  rankChannels: (block: number) => Promise<void>;
  cancelRanking: () => void;
  /** resolves when no pass or ranking is queued or running */
  exSettled: () => Promise<void>;
}

function ownQueue() {
  let chain: Promise<unknown> = Promise.resolve();
  return <T,>(job: () => Promise<T>): Promise<T> => {
    const next = chain.then(job, job);
    chain = next.catch(() => undefined);
    return next;
  };
}

const message = (e: unknown) => (e as Error)?.message ?? String(e);

/** SE block indices and the channel count of each block (null without SE) of the engine's model. */
export function modelShape(engine: ExperimentEngine): { seBlocks: number[]; shape: OverrideShape } {
  const blocks = engine.card.architecture.blocks;
  return { seBlocks: blocks.filter((b) => b.se).map((b) => b.index), shape: blocks.map((b) => (b.se ? b.channels : null)) };
}

export function createExperimentsSlice<S extends ExperimentsSlice>(deps: ExperimentsDeps<S>): StateCreator<S, [], [], ExperimentsSlice> {
  return (set, get) => {
    const exclusive = deps.exclusive ?? ownQueue();
    const put = (p: Partial<ExperimentsSlice>) => set(p as Partial<S>);
    /** RGB pixels of the current image (big: not state) */
    let pixels: ArrayLike<number> | null = null;
    /** taps of the pass that last filled the engine's cache, for every block */
    let known: (BlockTaps | null)[] | null = null;
    let pending = false;
    let loop: Promise<void> | null = null;
    let ranking: { cancelled: boolean; done: Promise<void> } | null = null;

    /** update(ov) with every block's taps: partial re-run merged with the known earlier blocks */
    const runPass = async (engine: ExperimentEngine, ov: Overrides): Promise<ForwardResult> => {
      try {
        const r = await engine.update(ov, 'all');
        const blocks = tr.mergePassTaps(known, r);
        if (blocks) {
          known = blocks;
          return { ...r, blocks };
        }
        const full = await engine.classify(pixels!, ov, 'all');
        known = full.blocks;
        return full;
      } catch (e) {
        known = null; // the cache may be in any state now
        throw e;
      }
    };

    const pass = async () => {
      const engine = deps.getEngine(get());
      const key = get().exImageKey;
      if (!engine || !pixels || key === null || !get().exBefore) return;
      const ov = get().exOverrides;
      if (get().exAfter && get().exAfterKey === tr.overridesKey(ov) && known) return; // already there
      try {
        const r = await runPass(engine, ov);
        if (get().exImageKey === key) put({ exAfter: r, exAfterKey: tr.overridesKey(ov), exError: null });
      } catch (e) {
        if (get().exImageKey === key) put({ exError: message(e) });
      }
    };

    const schedule = (): Promise<void> => {
      pending = true;
      if (!loop) {
        put({ exBusy: true });
        loop = (async () => {
          while (pending) {
            pending = false;
            await exclusive(pass);
          }
        })().finally(() => {
          loop = null;
          put({ exBusy: false });
        });
      }
      return loop;
    };

    const edit = (f: (ov: Overrides) => Overrides) => {
      const next = f(get().exOverrides);
      if (tr.overridesKey(next) === tr.overridesKey(get().exOverrides)) return;
      if (ranking) ranking.cancelled = true;
      put({ exOverrides: next });
      void schedule();
    };

    const seBlocks = () => {
      const engine = deps.getEngine(get());
      return engine ? modelShape(engine).seBlocks : [];
    };

    return {
      exImageKey: null,
      exOverrides: {},
      exBefore: null,
      exAfter: null,
      exAfterKey: null,
      exBusy: false,
      exError: null,
      exRanking: tr.IDLE_RANKING,

      async exSetImage(key, px, before) {
        if (ranking) ranking.cancelled = true;
        pixels = px;
        put({ exImageKey: key, exBefore: before ?? null, exAfter: null, exAfterKey: null, exError: null });
        if (before) {
          known = before.blocks.every((b) => b) ? before.blocks : null;
        } else {
          const engine = deps.getEngine(get());
          if (!engine) return;
          put({ exBusy: true });
          try {
            const r = await exclusive(() => engine.classify(px, undefined, 'all'));
            known = r.blocks;
            if (get().exImageKey !== key) return;
            put({ exBefore: r });
          } catch (e) {
            known = null;
            if (get().exImageKey === key) put({ exError: message(e) });
            return;
          } finally {
            if (!loop) put({ exBusy: false });
          }
        }
        if (tr.overridesKey(get().exOverrides) === '' && known) {
          put({ exAfter: get().exBefore, exAfterKey: '' });
        } else {
          await schedule();
        }
      },

      setChannelWeight: (b, c, v) => edit((ov) => tr.setChannelWeight(ov, b, c, v)),
      zeroChannel: (b, c) => edit((ov) => tr.zeroChannel(ov, b, c)),
      resetChannel: (b, c) => edit((ov) => tr.resetChannel(ov, b, c)),
      setBlockSE: (b, on) => edit((ov) => tr.setBlockSE(ov, b, on)),
      setAllSE: (off) => edit((ov) => tr.setAllSE(ov, seBlocks(), off)),
      setGate: (b, g) => edit((ov) => tr.setGate(ov, b, g)),
      removeBlockOverride: (b) => edit((ov) => tr.removeBlock(ov, b)),
      resetAll: () => edit(() => ({})),

      setOverrides(ov) {
        const engine = deps.getEngine(get());
        const fitted = engine ? fitOverrides(ov, modelShape(engine).shape) : { overrides: tr.normalise(ov), dropped: 0 };
        edit(() => fitted.overrides);
        return fitted.dropped;
      },
      overridesText: () => serialiseOverrides(get().exOverrides),
      applyOverridesText(text) {
        const ov = deserialiseOverrides(text);
        if (!ov) return { ok: false, dropped: 0 };
        return { ok: true, dropped: get().setOverrides(ov) };
      },

      async rankChannels(block) {
        const engine = deps.getEngine(get());
        const key = get().exImageKey;
        const spec = engine?.card.architecture.blocks[block];
        if (!engine || !pixels || key === null || !spec?.se) return;
        if (ranking) {
          ranking.cancelled = true;
          await ranking.done;
        }
        const C = spec.channels;
        const token = { cancelled: false, done: Promise.resolve() };
        ranking = token;
        put({ exRanking: tr.rankingStarted(block, C, key, tr.overridesKey(get().exOverrides)) });
        token.done = exclusive(async () => {
          const ov = get().exOverrides;
          let status: 'done' | 'cancelled' | 'error' = 'done';
          let error: string | null = null;
          let cacheAt: Overrides | null = null;
          try {
            // the cache must hold the current overrides before re-running from `block`
            const base = await runPass(engine, ov);
            cacheAt = ov;
            if (get().exImageKey === key && tr.overridesKey(get().exOverrides) === tr.overridesKey(ov)) {
              put({ exAfter: base, exAfterKey: tr.overridesKey(ov) });
            }
            const top = argmax(base.probs);
            const zeroed: (Float32Array | undefined)[] = new Array(C);
            for (let c = 0; c < C; c++) {
              if (token.cancelled || get().exImageKey !== key) {
                status = 'cancelled';
                break;
              }
              if (isZeroed(ov, block, c)) zeroed[c] = base.probs;
              else {
                cacheAt = null;
                zeroed[c] = (await engine.rerunFrom(block, withChannelZeroed(ov, block, c), 'none')).probs;
              }
              if (ranking === token) {
                const rows = rank(base.probs, zeroed, (ch) => isZeroed(ov, block, ch));
                put({ exRanking: tr.rankingProgress(get().exRanking, c + 1, rows, top, base.probs[top]!) });
              }
            }
          } catch (e) {
            status = 'error';
            error = message(e);
          } finally {
            // put the cache back to the overrides it held (the known taps stay valid)
            if (!cacheAt) {
              try {
                await engine.update(ov, 'none');
              } catch (e) {
                known = null;
                if (status !== 'error') {
                  status = 'error';
                  error = message(e);
                }
              }
            }
            if (ranking === token) {
              put({ exRanking: tr.rankingFinished(get().exRanking, status, error) });
              ranking = null;
            }
          }
        });
        await token.done;
      },

      cancelRanking() {
        if (ranking) ranking.cancelled = true;
      },

      async exSettled() {
        while (loop || ranking) {
          await loop;
          await ranking?.done;
        }
      },
    };
  };
}

/** Subscribes a component to part of a store that contains the slice (shallow-compared). */
export function useExperiments<S extends ExperimentsSlice, T>(store: StoreApi<S>, selector: (s: S) => T): T {
  return useStore(store, useShallow(selector));
}
