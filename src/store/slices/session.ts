/**
 * The inference session: the one place that runs the network. It owns the current image's
 * passes, the interventions on the SE gates (overrides), the engine's block cache and the
 * channel ranking, and publishes ONE prediction that every view reads:
 *
 *   prediction = { model, image, before, after, overridesKey }
 *
 * `before` is the untouched pass, `after` the pass with the overrides (the same object when there
 * are none). A new image runs the network once (all taps); with overrides, a re-run from the
 * first overridden block follows and the prediction is published only when both are there, so a
 * view never shows the untouched result for an intervened image. Editing an override re-runs
 * from the first block whose override changed. Jobs run one at a time (`queue`); a result for an
 * image, model or override set that is no longer current is dropped.
 *
 * Generic over the app state: the slice needs the engine (`getEngine`) and reports to the host
 * through `published`/`failed` (the app marks its input classified or failed there).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Engine } from '../../model/engine';
import type { BlockTaps, ForwardResult, Overrides } from '../../types/forward';
import { overridesKey } from '../../types/overridesKey';
import { isZeroed, rankChannels as rank, withChannelZeroed, argmax } from '../../compute/channelRanking';
import { deserialiseOverrides, fitOverrides, serialiseOverrides } from '../../compute/overridesCodec';
import { seBlockIndices, overrideShape } from '../../compute/cardFacts';
import * as tr from '../experimentsTransitions';
import type { RankingState } from '../experimentsTransitions';
import { markOnce } from '../perfMarks';
import { JobQueue } from '../jobQueue';

export type { RankingState } from '../experimentsTransitions';

/** The part of the engine the session needs (a fake in unit tests). */
export type SessionEngine = Pick<Engine, 'card' | 'classify' | 'update' | 'rerunFrom'>;

export type ImageKey = string | number;

/** What every view shows: one image through one model, before and after the interventions. */
export interface Prediction {
  /** id of the model card that computed it */
  model: string;
  image: ImageKey;
  /** without interventions, every block's taps */
  before: ForwardResult;
  /** with the overrides of `overridesKey`, every block's taps; `before` itself when there are none */
  after: ForwardResult;
  overridesKey: string;
}

export interface SessionDeps<S> {
  /** the engine, or null while a model loads */
  getEngine: (state: S) => SessionEngine | null;
  /** a prediction for `image` was published (after both passes) */
  published?: (image: ImageKey, p: Prediction) => void;
  /** the pass for `image` failed */
  failed?: (image: ImageKey, message: string) => void;
}

/** What the engine's block cache holds: whose image, which overrides, and every block's taps. */
interface EngineCache {
  engine: SessionEngine;
  image: ImageKey;
  taps: (BlockTaps | null)[];
}

export interface SessionSlice {
  /** the one prediction; null until the first image ran */
  prediction: Prediction | null;
  /** the image the session runs on (pixels: exactly what the network sees) */
  sessionImage: { key: ImageKey; pixels: ArrayLike<number> } | null;
  /** current interventions (normalised: no no-op entries) */
  exOverrides: Overrides;
  /** a pass is queued or running */
  exBusy: boolean;
  exError: string | null;
  exRanking: RankingState;
  /** engine work, one job at a time (the app's own passes and the ranking) */
  queue: JobQueue;
  engineCache: EngineCache | null;

  /** a new image (or the same one on a new engine): one full pass, then the overrides */
  runImage: (key: ImageKey, pixels: ArrayLike<number>) => Promise<void>;
  /** the engine changed (model switch, lost context): run the current image again */
  rerunImage: () => Promise<void>;
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
  /** applies a shared link's text; ok false when it is malformed */
  applyOverridesText: (text: string) => { ok: boolean; dropped: number };
  /** ranks the channels of `block` by how much zeroing each changes the top class */
  rankChannels: (block: number) => Promise<void>;
  cancelRanking: () => void;
  /** resolves when no pass or ranking is queued or running */
  exSettled: () => Promise<void>;
}

const message = (e: unknown) => (e as Error)?.message ?? String(e);

export function createSessionSlice<S extends SessionSlice>(deps: SessionDeps<S>): StateCreator<S, [], [], SessionSlice> {
  return (set, get) => {
    const put = (p: Partial<SessionSlice>) => set(p as Partial<S>);
    // control flow of the passes, not state any view reads
    let pending = false;
    let loop: Promise<void> | null = null;
    let imageJob: Promise<void> | null = null;
    let ranking: { cancelled: boolean; done: Promise<void> } | null = null;

    const isCurrent = (engine: SessionEngine, key: ImageKey) =>
      deps.getEngine(get()) === engine && get().sessionImage?.key === key;

    /** the overrides' pass with every block's taps: a re-run from the first changed block when the cache allows */
    const passWith = async (engine: SessionEngine, key: ImageKey, pixels: ArrayLike<number>, ov: Overrides): Promise<ForwardResult> => {
      const cache = get().engineCache;
      try {
        if (cache && cache.engine === engine && cache.image === key) {
          const r = await engine.update(ov, 'all');
          const taps = tr.mergePassTaps(cache.taps, r);
          if (taps) {
            put({ engineCache: { engine, image: key, taps } });
            return { ...r, blocks: taps };
          }
        }
        const full = await engine.classify(pixels, ov, 'all');
        put({ engineCache: { engine, image: key, taps: full.blocks } });
        return full;
      } catch (e) {
        put({ engineCache: null }); // the cache may be in any state now
        throw e;
      }
    };

    /** a re-run for edited overrides, on an image whose untouched pass is known */
    const overridesPass = async () => {
      const engine = deps.getEngine(get());
      const img = get().sessionImage;
      const p = get().prediction;
      if (!engine || !img || !p || p.image !== img.key || p.model !== engine.card.id) return; // the image's own job will do it
      const ov = get().exOverrides;
      const key = overridesKey(ov);
      if (p.overridesKey === key) return;
      try {
        const after = key === '' ? p.before : await passWith(engine, img.key, img.pixels, ov);
        if (isCurrent(engine, img.key)) put({ prediction: { ...p, after, overridesKey: key }, exError: null });
      } catch (e) {
        if (isCurrent(engine, img.key)) put({ exError: message(e) });
      }
    };

    const schedule = (): Promise<void> => {
      pending = true;
      if (!loop) {
        put({ exBusy: true });
        loop = (async () => {
          while (pending) {
            pending = false;
            await get().queue.run(overridesPass);
          }
        })().finally(() => {
          loop = null;
          if (!imageJob) put({ exBusy: false });
        });
      }
      return loop;
    };

    const edit = (f: (ov: Overrides) => Overrides) => {
      const next = f(get().exOverrides);
      if (overridesKey(next) === overridesKey(get().exOverrides)) return;
      if (ranking) ranking.cancelled = true;
      put({ exOverrides: next });
      void schedule();
    };

    const seBlocks = () => {
      const engine = deps.getEngine(get());
      return engine ? seBlockIndices(engine.card) : [];
    };

    const imagePass = (key: ImageKey, pixels: ArrayLike<number>) =>
      get().queue.run(async () => {
        const engine = deps.getEngine(get());
        if (!engine || get().sessionImage?.key !== key) return; // no model yet, or superseded
        try {
          const before = await engine.classify(pixels, undefined, 'all');
          markOnce('se:first-pass');
          put({ engineCache: { engine, image: key, taps: before.blocks } });
          if (!isCurrent(engine, key)) return;
          const ov = get().exOverrides;
          const k = overridesKey(ov);
          const after = k === '' ? before : await passWith(engine, key, pixels, ov);
          if (!isCurrent(engine, key)) return;
          const p: Prediction = { model: engine.card.id, image: key, before, after, overridesKey: k };
          put({ prediction: p, exError: null });
          deps.published?.(key, p);
          markOnce('se:first-published');
        } catch (e) {
          put({ engineCache: null });
          if (!isCurrent(engine, key)) return;
          put({ exError: message(e) });
          deps.failed?.(key, message(e));
        }
      });

    return {
      prediction: null,
      sessionImage: null,
      exOverrides: {},
      exBusy: false,
      exError: null,
      exRanking: tr.IDLE_RANKING,
      queue: new JobQueue(),
      engineCache: null,

      async runImage(key, pixels) {
        if (ranking) ranking.cancelled = true;
        put({ sessionImage: { key, pixels }, exBusy: true, exError: null });
        const job = imagePass(key, pixels);
        imageJob = job;
        try {
          await job;
        } finally {
          if (imageJob === job) {
            imageJob = null;
            if (!loop) put({ exBusy: false });
          }
        }
        // overrides edited while the image ran are caught up here
        const p = get().prediction;
        if (p && p.image === key && p.overridesKey !== overridesKey(get().exOverrides)) await schedule();
      },

      async rerunImage() {
        const img = get().sessionImage;
        put({ engineCache: null });
        if (img) await get().runImage(img.key, img.pixels);
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
        const fitted = engine ? fitOverrides(ov, overrideShape(engine.card)) : { overrides: tr.normalise(ov), dropped: 0 };
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
        const img = get().sessionImage;
        const spec = engine?.card.architecture.blocks[block];
        if (!engine || !img || !spec?.se) return;
        const key = img.key;
        if (ranking) {
          ranking.cancelled = true;
          await ranking.done;
        }
        const C = spec.channels;
        const token = { cancelled: false, done: Promise.resolve() };
        ranking = token;
        put({ exRanking: tr.rankingStarted(block, C, key, overridesKey(get().exOverrides)) });
        token.done = get().queue.run(async () => {
          const ov = get().exOverrides;
          let status: 'done' | 'cancelled' | 'error' = 'done';
          let error: string | null = null;
          let cacheAtOv = false;
          try {
            // the cache must hold the current overrides before re-running from `block`
            const base = await passWith(engine, key, img.pixels, ov);
            cacheAtOv = true;
            const p = get().prediction;
            if (p && p.image === key && p.model === engine.card.id && isCurrent(engine, key) && overridesKey(get().exOverrides) === overridesKey(ov)) {
              put({ prediction: { ...p, after: overridesKey(ov) === '' ? p.before : base, overridesKey: overridesKey(ov) } });
            }
            const top = argmax(base.probs);
            const zeroed: (Float32Array | undefined)[] = new Array(C);
            for (let c = 0; c < C; c++) {
              if (token.cancelled || !isCurrent(engine, key)) {
                status = 'cancelled';
                break;
              }
              if (isZeroed(ov, block, c)) zeroed[c] = base.probs;
              else {
                cacheAtOv = false;
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
            // put the cache back to the overrides it held (the cached taps stay valid)
            if (!cacheAtOv) {
              try {
                await engine.update(ov, 'none');
              } catch (e) {
                put({ engineCache: null });
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
        while (loop || ranking || imageJob) {
          await imageJob;
          await loop;
          await ranking?.done;
        }
      },
    };
  };
}
