/**
 * The lesson slice of the app store: view mode, presenter mode, lesson section, step playback,
 * the highlighted channel and the inspector panel in focus. Lesson sections drive the live
 * views through `resolveFocus` (select a block, go to a step, highlight and pin a channel,
 * outline an inspector panel). State changes are the pure transitions of ./lessonTransitions.
 */
import { resolveFocus, SECTIONS, clampSection, type LessonFocus } from '../compute/lesson/sections';
import type { ModelCard } from '../types/card';
import type { BlockTaps } from '../types/forward';
import * as L from './lessonTransitions';
import { seBlockIndices } from '../compute/cardFacts';
import { shownResult, type ChannelRef, type PredictionView, type ViewState } from './transitions';

export type { LessonState, AppMode, LessonNumbers, PlaybackAction } from './lessonTransitions';

/** Something the app could not take from a shared link. */
export interface LinkNotice {
  /** 'image': the image in the link could not be read; 'params': some parameters were ignored */
  code: 'image' | 'params';
  /** what was ignored (parameter names) or why the image failed */
  detail: string;
}

export interface LessonSlice extends L.LessonState {
  linkNotice: LinkNotice | null;
  setMode: (mode: L.AppMode) => void;
  setPresenter: (on: boolean) => void;
  /** moves to a section and applies its focus */
  setSection: (n: number) => void;
  /** applies a lesson focus to the live views */
  applyFocus: (focus: LessonFocus) => void;
  playbackDo: (a: L.PlaybackAction) => void;
  /** highlights a channel in the animation and pins it in the explorer (null: automatic) */
  setLessonChannel: (c: number | null) => void;
  setReducedMotion: (reduced: boolean) => void;
  /** the step animation shows this image's numbers or the worked example's */
  setLessonNumbers: (numbers: L.LessonNumbers) => void;
  setLinkNotice: (n: LinkNotice | null) => void;
  /** the selected block changed: the lesson's channel goes back to the automatic pick */
  lessonBlockChanged: () => void;
}

/** What the slice needs from the rest of the app state. */
export interface LessonHost extends ViewState, LessonSlice, PredictionView {
  card: ModelCard | null;
  selectBlock: (index: number) => void;
  pinChannel: (ref: ChannelRef, clearHover: boolean) => void;
}

type Set<S> = (partial: Partial<S> | ((s: S) => Partial<S>)) => void;

/** taps of every block for the current image (empty while none is current) */
export function currentTaps(s: PredictionView): (BlockTaps | null)[] {
  return shownResult(s)?.blocks ?? [];
}

export function createLessonSlice<S extends LessonHost>(set: Set<S>, get: () => S): LessonSlice {
  const put = (p: Partial<L.LessonState> | Partial<LessonSlice>) => set(p as Partial<S>);
  return {
    ...L.initialLesson,
    linkNotice: null,
    setMode(mode) {
      const change = L.modeChanged(get(), mode);
      const focus = L.lessonOpened(get(), change);
      put(change);
      if (focus) get().applyFocus(focus);
    },
    setPresenter(on) {
      const change = L.presenterChanged(get(), on);
      const focus = L.lessonOpened(get(), change);
      put(change);
      if (focus) get().applyFocus(focus);
    },
    setSection(n) {
      const k = clampSection(n);
      put(L.sectionChanged(get(), k));
      get().applyFocus(SECTIONS[k]!.focus);
    },
    applyFocus(focus) {
      const s = get();
      const taps = currentTaps(s);
      const r = resolveFocus(focus, seBlockIndices(s.card), s.selectedBlock, (i) => taps[i] ?? null);
      const before = s.selectedBlock;
      if (r.block !== null) s.selectBlock(r.block);
      const after = get().selectedBlock;
      put(L.focusApplied(get(), r, after !== before));
      if (r.channel !== null) get().pinChannel({ block: after, channel: r.channel }, true);
    },
    playbackDo(a) {
      put(L.playbackChanged(get(), a));
    },
    setLessonChannel(c) {
      put(L.lessonChannelChosen(get(), c));
      const ch = get().lessonChannel;
      if (ch !== null) get().pinChannel({ block: get().selectedBlock, channel: ch }, false);
    },
    setReducedMotion(reduced) {
      put(L.reducedMotionChanged(get(), reduced));
    },
    setLessonNumbers(numbers) {
      put(L.numbersChosen(get(), numbers));
    },
    setLinkNotice(n) {
      put({ linkNotice: n });
    },
    lessonBlockChanged() {
      put(L.lessonBlockChanged(get()));
    },
  };
}
