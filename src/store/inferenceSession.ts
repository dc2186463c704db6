/**
 * The inference session: the one place that runs the network. A plain class (no store, no
 * React) that owns, as explicit state, the engine, the image it runs on, the interventions on
 * the SE gates (overrides), the engine's block cache, the job queue and the channel ranking, and
 * emits ONE prediction with its busy state:
 *
 *   prediction = { model, image, before, after, overridesKey }
 *
 * `before` is the untouched pass, `after` the pass with the overrides (the same object when there
 * are none). A new image runs the network once (all taps); with overrides, a re-run from the
 * first overridden block follows and the prediction is published only when both are there, so a
 * view never shows the untouched result for an intervened image. Editing an override re-runs
 * from the first block whose override changed; bursts of edits coalesce. Jobs run one at a time;
 * a result for an image, engine or override set that is no longer current is dropped.
 *
 * The zustand session slice (slices/session.ts) is a thin adapter: it mirrors `state` into the
 * store and forwards the user's intents here.
 */
import type { Engine } from '../model/engine';
import type { BlockTaps, ForwardResult, Overrides } from '../types/forward';
import { overridesKey } from '../types/overridesKey';
import { isZeroed, rankChannels as rank, withChannelZeroed, argmax } from '../compute/channelRanking';
import { fitOverrides } from '../compute/overridesCodec';
import { overrideShape } from '../compute/cardFacts';
import * as tr from './experimentsTransitions';
import type { RankingState } from './experimentsTransitions';
import { markOnce } from './perfMarks';
import { JobQueue } from './jobQueue';

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

/** Everything the session holds that the app may show. Replaced (never mutated) on each change. */
export interface SessionState<E extends SessionEngine = SessionEngine> {
  /** the engine the passes run on; null while no model is loaded */
  engine: E | null;
  /** the image the session runs on (pixels: exactly what the network sees) */
  image: { key: ImageKey; pixels: ArrayLike<number> } | null;
  /** current interventions (normalised: no no-op entries) */
  overrides: Overrides;
  /** the one prediction; null until the first image ran */
  prediction: Prediction | null;
  /** the image whose full pass is queued or running (null: none) */
  imagePending: ImageKey | null;
  /** the image whose pass failed last (cleared by the next pass of an image) */
  failedImage: ImageKey | null;
  /** a pass is queued or running (an image's or the overrides') */
  busy: boolean;
  error: string | null;
  ranking: RankingState;
}

export interface SessionEvents {
  /** a prediction for `image` was published (after both passes) */
  published?: (image: ImageKey, p: Prediction) => void;
  /** the pass for `image` failed */
  failed?: (image: ImageKey, message: string) => void;
}

/** What the engine's block cache holds: whose image, and every block's taps. */
interface EngineCache {
  engine: SessionEngine;
  image: ImageKey;
  taps: (BlockTaps | null)[];
}

const message = (e: unknown) => (e as Error)?.message ?? String(e);

export class InferenceSession<E extends SessionEngine = SessionEngine> {
  private current: SessionState<E> = {
    engine: null,
    image: null,
    overrides: {},
    prediction: null,
    imagePending: null,
    failedImage: null,
    busy: false,
    error: null,
    ranking: tr.IDLE_RANKING,
  };
  private readonly listeners = new Set<(s: SessionState<E>) => void>();
  /** engine work, one job at a time (the session's passes, the ranking, and what callers add) */
  private readonly queue = new JobQueue();
  private cache: EngineCache | null = null;
  // control flow of the passes, not state any view reads
  private pending = false;
  private loop: Promise<void> | null = null;
  private imageJob: Promise<void> | null = null;
  private ranking: { cancelled: boolean; done: Promise<void> } | null = null;

  constructor(private readonly events: SessionEvents = {}) {}

  get state(): SessionState<E> {
    return this.current;
  }

  /** `listener` hears every change of `state`; returns the unsubscribe function */
  subscribe(listener: (s: SessionState<E>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** runs `job` when every queued pass is done, before any pass asked for later (disposal, a backend move, the twin) */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    return this.queue.run(job);
  }

  /**
   * The engine the next passes run on (a model switch, the first model): the overrides are fitted
   * to its card. The image is not run here: the caller runs it (at the new model's input size).
   * Returns how many override entries did not fit.
   */
  useEngine(engine: E): number {
    const fitted = fitOverrides(this.current.overrides, overrideShape(engine.card));
    this.cache = null;
    this.set({ engine, overrides: fitted.overrides });
    return fitted.dropped;
  }

  /** a new image (or the same one on a new engine): one full pass, then the overrides */
  async runImage(key: ImageKey, pixels: ArrayLike<number>): Promise<void> {
    if (this.ranking) this.ranking.cancelled = true;
    this.set({ image: { key, pixels }, busy: true, error: null, imagePending: key, failedImage: null });
    const job = this.imagePass(key, pixels);
    this.imageJob = job;
    try {
      await job;
    } finally {
      if (this.imageJob === job) {
        this.imageJob = null;
        this.set({ imagePending: null, ...(this.loop ? {} : { busy: false }) });
      }
    }
    // overrides edited while the image ran are caught up here
    const p = this.current.prediction;
    if (p && p.image === key && p.overridesKey !== overridesKey(this.current.overrides)) await this.schedule();
  }

  /** the engine changed its backend (planned move, lost context): run the current image again */
  async rerunImage(): Promise<void> {
    const img = this.current.image;
    this.cache = null;
    if (img) await this.runImage(img.key, img.pixels);
  }

  /** applies a pure edit of the overrides; a change re-runs from the first block it touches */
  edit(f: (ov: Overrides) => Overrides): void {
    const next = f(this.current.overrides);
    if (overridesKey(next) === overridesKey(this.current.overrides)) return;
    if (this.ranking) this.ranking.cancelled = true;
    this.set({ overrides: next });
    void this.schedule();
  }

  /** replaces every override (fitted to the model); returns how many entries did not fit */
  setOverrides(ov: Overrides): number {
    const engine = this.current.engine;
    const fitted = engine ? fitOverrides(ov, overrideShape(engine.card)) : { overrides: tr.normalise(ov), dropped: 0 };
    this.edit(() => fitted.overrides);
    return fitted.dropped;
  }

  cancelRanking(): void {
    if (this.ranking) this.ranking.cancelled = true;
  }

  /** forgets a finished ranking (the panel shows none); one in progress is cancelled first */
  async clearRanking(): Promise<void> {
    this.cancelRanking();
    await this.ranking?.done;
    this.set({ ranking: tr.IDLE_RANKING });
  }

  /** resolves when no pass or ranking is queued or running */
  async settled(): Promise<void> {
    while (this.loop || this.ranking || this.imageJob) {
      await this.imageJob;
      await this.loop;
      await this.ranking?.done;
    }
  }

  /** ranks the channels of `block` by how much zeroing each changes the top class */
  async rankChannels(block: number): Promise<void> {
    const engine = this.current.engine;
    const img = this.current.image;
    const spec = engine?.card.architecture.blocks[block];
    if (!engine || !img || !spec?.se) return;
    if (this.ranking) {
      this.ranking.cancelled = true;
      await this.ranking.done;
    }
    const token = { cancelled: false, done: Promise.resolve() };
    this.ranking = token;
    this.set({ ranking: tr.rankingStarted(block, spec.channels, img.key, overridesKey(this.current.overrides)) });
    token.done = this.queue.run(() => this.rankingJob(engine, img, block, spec.channels, token));
    await token.done;
  }

  private set(p: Partial<SessionState<E>>) {
    this.current = { ...this.current, ...p };
    for (const l of this.listeners) l(this.current);
  }

  private isCurrent(engine: SessionEngine, key: ImageKey) {
    return this.current.engine === engine && this.current.image?.key === key;
  }

  /** the overrides' pass with every block's taps: a re-run from the first changed block when the cache allows */
  private async passWith(engine: SessionEngine, key: ImageKey, pixels: ArrayLike<number>, ov: Overrides): Promise<ForwardResult> {
    const cache = this.cache;
    try {
      if (cache && cache.engine === engine && cache.image === key) {
        const r = await engine.update(ov, 'all');
        const taps = tr.mergePassTaps(cache.taps, r);
        if (taps) {
          this.cache = { engine, image: key, taps };
          return { ...r, blocks: taps };
        }
      }
      const full = await engine.classify(pixels, ov, 'all');
      this.cache = { engine, image: key, taps: full.blocks };
      return full;
    } catch (e) {
      this.cache = null; // the engine's own cache may be in any state now
      throw e;
    }
  }

  private imagePass(key: ImageKey, pixels: ArrayLike<number>) {
    return this.queue.run(async () => {
      const engine = this.current.engine;
      if (!engine || this.current.image?.key !== key) return; // no model yet, or superseded
      try {
        const before = await engine.classify(pixels, undefined, 'all');
        markOnce('se:first-pass');
        this.cache = { engine, image: key, taps: before.blocks };
        if (!this.isCurrent(engine, key)) return;
        const ov = this.current.overrides;
        const k = overridesKey(ov);
        const after = k === '' ? before : await this.passWith(engine, key, pixels, ov);
        if (!this.isCurrent(engine, key)) return;
        const p: Prediction = { model: engine.card.id, image: key, before, after, overridesKey: k };
        this.set({ prediction: p, error: null });
        this.events.published?.(key, p);
        markOnce('se:first-published');
      } catch (e) {
        this.cache = null;
        if (!this.isCurrent(engine, key)) return;
        this.set({ error: message(e), failedImage: key });
        this.events.failed?.(key, message(e));
      }
    });
  }

  /** a re-run for edited overrides, on an image whose untouched pass is known */
  private async overridesPass() {
    const { engine, image: img, prediction: p, overrides: ov } = this.current;
    if (!engine || !img || !p || p.image !== img.key || p.model !== engine.card.id) return; // the image's own job will do it
    const key = overridesKey(ov);
    if (p.overridesKey === key) return;
    try {
      const after = key === '' ? p.before : await this.passWith(engine, img.key, img.pixels, ov);
      if (this.isCurrent(engine, img.key)) this.set({ prediction: { ...p, after, overridesKey: key }, error: null });
    } catch (e) {
      if (this.isCurrent(engine, img.key)) this.set({ error: message(e) });
    }
  }

  private schedule(): Promise<void> {
    this.pending = true;
    if (!this.loop) {
      this.set({ busy: true });
      this.loop = (async () => {
        while (this.pending) {
          this.pending = false;
          await this.queue.run(() => this.overridesPass());
        }
      })().finally(() => {
        this.loop = null;
        if (!this.imageJob) this.set({ busy: false });
      });
    }
    return this.loop;
  }

  private async rankingJob(engine: E, img: { key: ImageKey; pixels: ArrayLike<number> }, block: number, C: number, token: { cancelled: boolean }) {
    const key = img.key;
    const ov = this.current.overrides;
    const ovKey = overridesKey(ov);
    let status: 'done' | 'cancelled' | 'error' = 'done';
    let error: string | null = null;
    let cacheAtOv = false;
    try {
      // the cache must hold the current overrides before re-running from `block`
      const base = await this.passWith(engine, key, img.pixels, ov);
      cacheAtOv = true;
      const p = this.current.prediction;
      if (p && p.image === key && p.model === engine.card.id && this.isCurrent(engine, key) && overridesKey(this.current.overrides) === ovKey) {
        this.set({ prediction: { ...p, after: ovKey === '' ? p.before : base, overridesKey: ovKey } });
      }
      const top = argmax(base.probs);
      const zeroed: (Float32Array | undefined)[] = new Array(C);
      for (let c = 0; c < C; c++) {
        if (token.cancelled || !this.isCurrent(engine, key)) {
          status = 'cancelled';
          break;
        }
        if (isZeroed(ov, block, c)) zeroed[c] = base.probs;
        else {
          cacheAtOv = false;
          zeroed[c] = (await engine.rerunFrom(block, withChannelZeroed(ov, block, c), 'none')).probs;
        }
        if (this.ranking === token) {
          const rows = rank(base.probs, zeroed, (ch) => isZeroed(ov, block, ch));
          this.set({ ranking: tr.rankingProgress(this.current.ranking, c + 1, rows, top, base.probs[top]!) });
        }
      }
    } catch (e) {
      status = 'error';
      error = message(e);
    } finally {
      // put the engine's cache back to the overrides it held (the session's cached taps stay valid)
      if (!cacheAtOv) {
        try {
          await engine.update(ov, 'none');
        } catch (e) {
          this.cache = null;
          if (status !== 'error') {
            status = 'error';
            error = message(e);
          }
        }
      }
      if (this.ranking === token) {
        this.set({ ranking: tr.rankingFinished(this.current.ranking, status, error) });
        this.ranking = null;
      }
    }
  }
}
