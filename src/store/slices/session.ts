/**
 * The session slice: a thin adapter over the InferenceSession (../inferenceSession), which runs
 * the network and owns the engine, image, overrides, cache, queue and ranking. The slice mirrors
 * the session's state into the store (so that selectors and `useShallow` work as for any slice)
 * and forwards the user's intents; it computes nothing itself.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Overrides } from '../../types/forward';
import { deserialiseOverrides, serialiseOverrides } from '../../compute/overridesCodec';
import { seBlockIndices } from '../../compute/cardFacts';
import * as tr from '../experimentsTransitions';
import type { RankingState } from '../experimentsTransitions';
import type { ImageKey, InferenceSession, Prediction, SessionEngine, SessionState } from '../inferenceSession';

export type { RankingState } from '../experimentsTransitions';
export type { ImageKey, Prediction, SessionEngine } from '../inferenceSession';

export interface SessionSliceState<E extends SessionEngine = SessionEngine> {
  /** the one prediction; null until the first image ran */
  prediction: Prediction | null;
  /** the engine the session runs (null while no model is loaded) */
  engine: E | null;
  /** the image the session runs on (pixels: exactly what the network sees) */
  sessionImage: SessionState['image'];
  /** the image whose full pass is queued or running, and the one whose pass failed last */
  imagePending: ImageKey | null;
  failedImage: ImageKey | null;
  /** current interventions (normalised: no no-op entries) */
  exOverrides: Overrides;
  /** a pass is queued or running */
  exBusy: boolean;
  exError: string | null;
  exRanking: RankingState;
}

export interface SessionSlice<E extends SessionEngine = SessionEngine> extends SessionSliceState<E> {
  /** a new image (or the same one on a new engine): one full pass, then the overrides */
  runImage: (key: ImageKey, pixels: ArrayLike<number>) => Promise<void>;
  /** the engine changed its backend: run the current image again */
  rerunImage: () => Promise<void>;
  /** the engine the next passes run on (overrides fitted to it); returns how many entries did not fit */
  useEngine: (engine: E) => number;
  /** runs `job` after the queued passes, one at a time with them (disposal, backend moves, the twin) */
  exclusive: <T>(job: () => Promise<T>) => Promise<T>;
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
  /** forgets the ranking (cancelled first if it runs) */
  clearRanking: () => Promise<void>;
  /** resolves when no pass or ranking is queued or running */
  exSettled: () => Promise<void>;
}

function mirror<E extends SessionEngine>(s: SessionState<E>): SessionSliceState<E> {
  return {
    prediction: s.prediction,
    engine: s.engine,
    sessionImage: s.image,
    imagePending: s.imagePending,
    failedImage: s.failedImage,
    exOverrides: s.overrides,
    exBusy: s.busy,
    exError: s.error,
    exRanking: s.ranking,
  };
}

export function createSessionSlice<S extends SessionSlice<E>, E extends SessionEngine = SessionEngine>(
  session: InferenceSession<E>,
): StateCreator<S, [], [], SessionSlice<E>> {
  return (set) => {
    session.subscribe((st) => set(mirror(st) as Partial<S>));
    const edit = (f: (ov: Overrides) => Overrides) => session.edit(f);
    const seBlocks = () => seBlockIndices(session.state.engine?.card ?? null);
    return {
      ...mirror(session.state),
      runImage: (key, pixels) => session.runImage(key, pixels),
      rerunImage: () => session.rerunImage(),
      useEngine: (engine) => session.useEngine(engine),
      exclusive: (job) => session.exclusive(job),
      setChannelWeight: (b, c, v) => edit((ov) => tr.setChannelWeight(ov, b, c, v)),
      zeroChannel: (b, c) => edit((ov) => tr.zeroChannel(ov, b, c)),
      resetChannel: (b, c) => edit((ov) => tr.resetChannel(ov, b, c)),
      setBlockSE: (b, on) => edit((ov) => tr.setBlockSE(ov, b, on)),
      setAllSE: (off) => edit((ov) => tr.setAllSE(ov, seBlocks(), off)),
      setGate: (b, g) => edit((ov) => tr.setGate(ov, b, g)),
      removeBlockOverride: (b) => edit((ov) => tr.removeBlock(ov, b)),
      resetAll: () => edit(() => ({})),
      setOverrides: (ov) => session.setOverrides(ov),
      overridesText: () => serialiseOverrides(session.state.overrides),
      applyOverridesText(text) {
        const ov = deserialiseOverrides(text);
        return ov ? { ok: true, dropped: session.setOverrides(ov) } : { ok: false, dropped: 0 };
      },
      rankChannels: (block) => session.rankChannels(block),
      cancelRanking: () => session.cancelRanking(),
      clearRanking: () => session.clearRanking(),
      exSettled: () => session.settled(),
    };
  };
}
