/**
 * The lesson slice's state and its pure transitions: which view is shown (explorer / lesson /
 * presenter), the lesson section, the step animation's playback and the channel it highlights,
 * and which inspector panel the lesson brought forward. The store's actions apply these.
 */
import type { AppMode, LessonNumbers } from '../compute/shareLink';
import { clampSection, SECTIONS, type FocusPanel, type LessonFocus, type ResolvedFocus } from '../compute/lesson/sections';
import * as S from '../compute/lesson/steps';

export type { AppMode, LessonNumbers };

export interface LessonState {
  mode: AppMode;
  /** classroom mode: full screen, large type, high contrast, controls on demand */
  presenter: boolean;
  /** 0-based lesson section */
  section: number;
  playback: S.Playback;
  /** the channel the animation and formulas read out; null: the lesson's automatic pick */
  lessonChannel: number | null;
  /** the inspector panel the current section is about (outlined there) */
  focusPanel: FocusPanel | null;
  /** prefers-reduced-motion: steps appear at once */
  reducedMotion: boolean;
  /** the step animation's numbers: this image's, or the worked example's (C = 4, r = 2, 2×2) */
  numbers: LessonNumbers;
}

export const initialLesson: LessonState = {
  mode: 'explore',
  presenter: false,
  section: 0,
  playback: S.initialPlayback,
  lessonChannel: null,
  focusPanel: null,
  reducedMotion: false,
  numbers: 'image',
};

type L = Partial<LessonState>;

/** Leaving the lesson stops the animation and presenter mode. */
export function modeChanged(s: LessonState, mode: AppMode): L {
  if (mode === s.mode) return {};
  return mode === 'lesson' ? { mode } : { mode, presenter: false, playback: S.pause(s.playback) };
}

/** Presenter mode is a way of showing the lesson: turning it on opens the lesson. */
export function presenterChanged(s: LessonState, on: boolean): L {
  if (on === s.presenter) return {};
  return on ? { presenter: true, mode: 'lesson' } : { presenter: false };
}

/**
 * The focus to apply when a change opens the lesson (the explorer → lesson, or presenter mode
 * turned on from the explorer): the current section's, so that the live views show what its
 * text is about at once. Null when the change does not open the lesson.
 */
export function lessonOpened(s: LessonState, change: L): LessonFocus | null {
  if (s.mode === 'lesson' || change.mode !== 'lesson') return null;
  return SECTIONS[clampSection(change.section ?? s.section)]!.focus;
}

/**
 * The section's focus for an app that starts in the lesson from a shared link: what the link
 * names itself (block, step, channel) wins, so those parts of the focus are left out (a link's
 * channel also keeps the focus from moving to another block). A focus channel left in is picked
 * in the block the link opened.
 */
export function focusForLink(focus: LessonFocus, link: { block?: number | null; step?: number | null; channel?: number | null }): LessonFocus {
  const out: LessonFocus = { ...focus };
  const has = (v: number | null | undefined) => v !== undefined && v !== null;
  // a link's channel is one of the block it opens on: the focus must not move away from it
  if (has(link.block) || has(link.channel)) delete out.block;
  if (has(link.step)) delete out.step;
  if (has(link.channel)) delete out.channel;
  return out;
}

export function sectionChanged(_s: LessonState, n: number): L {
  return { section: clampSection(n) };
}

/**
 * Applies a resolved lesson focus. The step animates to its result (goTo), or appears at once
 * under reduced motion (show). A new block without a channel of its own drops the old channel.
 */
export function focusApplied(s: LessonState, r: ResolvedFocus, blockChanged: boolean): L {
  const out: L = {};
  if (r.step !== null) out.playback = s.reducedMotion ? S.show(s.playback, r.step) : S.goTo(s.playback, r.step);
  if (r.channel !== null) out.lessonChannel = r.channel;
  else if (blockChanged) out.lessonChannel = null;
  if (r.panel !== null) out.focusPanel = r.panel;
  return out;
}

export type PlaybackAction =
  | { type: 'next' | 'prev' | 'first' | 'last' | 'toggle' | 'play' | 'pause' }
  | { type: 'goTo'; step: number }
  | { type: 'seek'; position: number }
  | { type: 'speed'; speed: number }
  | { type: 'tick'; dt: number };

/**
 * One playback intent. Under reduced motion a step is shown at once instead of animated
 * (next/goTo land on the result) and ticks jump to the result.
 */
export function playbackChanged(s: LessonState, a: PlaybackAction): L {
  const p = s.playback;
  const reduced = s.reducedMotion;
  let q: S.Playback;
  switch (a.type) {
    case 'next':
      q = reduced ? S.show(p, Math.min(S.LAST_STEP, p.step + 1)) : S.next(p);
      break;
    case 'prev':
      q = S.prev(p);
      break;
    case 'first':
      q = S.first(p);
      break;
    case 'last':
      q = S.last(p);
      break;
    case 'toggle':
      q = S.togglePlay(p);
      break;
    case 'play':
      q = S.play(p);
      break;
    case 'pause':
      q = S.pause(p);
      break;
    case 'goTo':
      q = reduced ? S.show(p, a.step) : S.goTo(p, a.step);
      break;
    case 'seek':
      q = S.seek(p, a.position);
      break;
    case 'speed':
      q = S.setSpeed(p, a.speed);
      break;
    case 'tick':
      q = S.tick(p, a.dt, reduced);
      break;
  }
  return q === p ? {} : { playback: q };
}

export function lessonChannelChosen(_s: LessonState, channel: number | null): L {
  return { lessonChannel: channel === null || !Number.isInteger(channel) || channel < 0 ? null : channel };
}

/** Another block was selected (e.g. in the architecture): its channels are not the old ones. */
export function lessonBlockChanged(_s: LessonState): L {
  return { lessonChannel: null };
}

export function reducedMotionChanged(s: LessonState, reduced: boolean): L {
  if (reduced === s.reducedMotion) return {};
  // a step in the middle of its animation lands on its result
  const playback = reduced && s.playback.progress > 0 && s.playback.progress < 1 ? S.scrub(s.playback, 1) : s.playback;
  return { reducedMotion: reduced, playback };
}

/**
 * The animation switches between this image's numbers and the worked example's. The highlighted
 * channel belongs to one of them, so it goes back to the automatic pick.
 */
export function numbersChosen(s: LessonState, numbers: LessonNumbers): L {
  if (numbers === s.numbers || (numbers !== 'image' && numbers !== 'example')) return {};
  return { numbers, lessonChannel: null };
}

/** The state a shared link asks for (validated by compute/shareLink; clamped here). */
export function linkApplied(
  s: LessonState,
  link: { mode?: AppMode; presenter?: boolean; section?: number; step?: number; numbers?: LessonNumbers },
): L {
  const out: L = {};
  if (link.numbers) out.numbers = link.numbers;
  if (link.mode) out.mode = link.mode;
  if (link.presenter !== undefined) {
    out.presenter = link.presenter;
    if (link.presenter) out.mode = 'lesson';
  }
  if (link.section !== undefined) out.section = clampSection(link.section);
  if (link.step !== undefined) out.playback = S.show(s.playback, link.step);
  return out;
}
