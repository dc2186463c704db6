import { describe, expect, it } from 'vitest';
import { initialPlayback, LAST_STEP, STEP_MS } from '../compute/lesson/steps';
import { SECTIONS } from '../compute/lesson/sections';
import * as L from './lessonTransitions';

const base: L.LessonState = { ...L.initialLesson };
const apply = (s: L.LessonState, p: Partial<L.LessonState>): L.LessonState => ({ ...s, ...p });

describe('lesson slice transitions', () => {
  it('starts in the explorer at the first section and step', () => {
    expect(base.mode).toBe('explore');
    expect(base.presenter).toBe(false);
    expect(base.section).toBe(0);
    expect(base.playback).toEqual(initialPlayback);
  });

  it('leaving the lesson pauses playback and presenter mode', () => {
    const s = apply(base, { mode: 'lesson', presenter: true, playback: { ...initialPlayback, run: 'all' } });
    const p = L.modeChanged(s, 'explore');
    expect(p.mode).toBe('explore');
    expect(p.presenter).toBe(false);
    expect(p.playback?.run).toBe('off');
    expect(L.modeChanged(s, 'lesson')).toEqual({});
  });

  it('opening the lesson gives the current section\'s focus; staying in it or leaving gives none', () => {
    const at2 = apply(base, { section: 2 });
    expect(L.lessonOpened(at2, L.modeChanged(at2, 'lesson'))).toEqual(SECTIONS[2]!.focus);
    expect(L.lessonOpened(at2, L.presenterChanged(at2, true))).toEqual(SECTIONS[2]!.focus);
    const inLesson = apply(at2, { mode: 'lesson' });
    expect(L.lessonOpened(inLesson, L.modeChanged(inLesson, 'lesson'))).toBeNull();
    expect(L.lessonOpened(inLesson, L.presenterChanged(inLesson, true))).toBeNull();
    expect(L.lessonOpened(inLesson, L.modeChanged(inLesson, 'explore'))).toBeNull();
    expect(L.lessonOpened(base, L.modeChanged(base, 'explore'))).toBeNull();
  });

  it('a link\'s own block, step and channel win over the section\'s focus', () => {
    const f = SECTIONS[0]!.focus;
    expect(L.focusForLink(f, {})).toEqual(f);
    expect(L.focusForLink(f, { block: null, step: null, channel: null })).toEqual(f);
    expect(L.focusForLink(f, { block: 3 })).toEqual({ step: 0, panel: 'out', channel: 'quietest' });
    expect(L.focusForLink(f, { block: 3, step: 2, channel: 0 })).toEqual({ panel: 'out' });
    expect(L.focusForLink(f, { channel: 0 })).toEqual({ step: 0, panel: 'out' });
    expect(f.block).toBe('most-quiet'); // not changed in place
  });

  it('presenter mode opens the lesson; turning it off keeps the lesson', () => {
    expect(L.presenterChanged(base, true)).toEqual({ presenter: true, mode: 'lesson' });
    expect(L.presenterChanged(apply(base, { presenter: true, mode: 'lesson' }), false)).toEqual({ presenter: false });
    expect(L.presenterChanged(base, false)).toEqual({});
  });

  it('clamps sections', () => {
    expect(L.sectionChanged(base, 3)).toEqual({ section: 3 });
    expect(L.sectionChanged(base, 99)).toEqual({ section: SECTIONS.length - 1 });
    expect(L.sectionChanged(base, -2)).toEqual({ section: 0 });
    expect(L.sectionChanged(base, Number.NaN)).toEqual({ section: 0 });
  });

  it('a focus animates to its step, or shows it at once under reduced motion', () => {
    const r = { block: 4, step: 3, channel: 7, panel: 's' as const };
    const p = L.focusApplied(base, r, true);
    expect(p.playback).toMatchObject({ step: 3, progress: 0, run: 'step' });
    expect(p.lessonChannel).toBe(7);
    expect(p.focusPanel).toBe('s');
    const q = L.focusApplied(apply(base, { reducedMotion: true }), r, true);
    expect(q.playback).toMatchObject({ step: 3, progress: 1, run: 'off' });
  });

  it('a focus leaves unspecified parts alone; a new block drops the old channel', () => {
    const s = apply(base, { lessonChannel: 5, focusPanel: 'u' });
    expect(L.focusApplied(s, { block: null, step: null, channel: null, panel: null }, false)).toEqual({});
    expect(L.focusApplied(s, { block: 9, step: null, channel: null, panel: null }, true)).toEqual({ lessonChannel: null });
  });

  it('steps forward and back, first and last', () => {
    let s = base;
    s = apply(s, L.playbackChanged(s, { type: 'next' }));
    expect(s.playback).toMatchObject({ step: 1, progress: 0, run: 'step' });
    s = apply(s, L.playbackChanged(s, { type: 'tick', dt: STEP_MS + 1 }));
    expect(s.playback).toMatchObject({ step: 1, progress: 1, run: 'off' });
    s = apply(s, L.playbackChanged(s, { type: 'prev' }));
    expect(s.playback).toMatchObject({ step: 0, progress: 1 });
    s = apply(s, L.playbackChanged(s, { type: 'last' }));
    expect(s.playback.step).toBe(LAST_STEP);
    s = apply(s, L.playbackChanged(s, { type: 'next' }));
    expect(s.playback).toMatchObject({ step: LAST_STEP, progress: 1, run: 'off' });
    s = apply(s, L.playbackChanged(s, { type: 'first' }));
    expect(s.playback).toMatchObject({ step: 0, progress: 1 });
  });

  it('under reduced motion next shows the next result at once', () => {
    const s = apply(base, { reducedMotion: true });
    expect(L.playbackChanged(s, { type: 'next' }).playback).toMatchObject({ step: 1, progress: 1, run: 'off' });
    expect(L.playbackChanged(s, { type: 'goTo', step: 4 }).playback).toMatchObject({ step: 4, progress: 1, run: 'off' });
  });

  it('plays, pauses, seeks and changes speed; ticks while off change nothing', () => {
    let s = base;
    s = apply(s, L.playbackChanged(s, { type: 'toggle' }));
    expect(s.playback.run).toBe('all');
    s = apply(s, L.playbackChanged(s, { type: 'toggle' }));
    expect(s.playback.run).toBe('off');
    expect(L.playbackChanged(s, { type: 'tick', dt: 16 })).toEqual({});
    s = apply(s, L.playbackChanged(s, { type: 'seek', position: 2.5 }));
    expect(s.playback).toMatchObject({ step: 2, progress: 0.5 });
    s = apply(s, L.playbackChanged(s, { type: 'speed', speed: 2 }));
    expect(s.playback.speed).toBe(2);
    expect(L.playbackChanged(s, { type: 'speed', speed: -1 })).toEqual({});
  });

  it('turning reduced motion on lands a running step on its result', () => {
    const s = apply(base, { playback: { ...initialPlayback, step: 2, progress: 0.4, run: 'step' } });
    const p = L.reducedMotionChanged(s, true);
    expect(p.reducedMotion).toBe(true);
    expect(p.playback).toMatchObject({ step: 2, progress: 1 });
    expect(L.reducedMotionChanged(apply(base, { reducedMotion: true }), true)).toEqual({});
  });

  it('channels: a new block forgets the old one; bad channels mean automatic', () => {
    expect(L.lessonChannelChosen(base, 3)).toEqual({ lessonChannel: 3 });
    expect(L.lessonChannelChosen(base, -1)).toEqual({ lessonChannel: null });
    expect(L.lessonChannelChosen(base, 1.5)).toEqual({ lessonChannel: null });
    expect(L.lessonBlockChanged(apply(base, { lessonChannel: 3 }))).toEqual({ lessonChannel: null });
  });

  it('switching to the worked example’s numbers (and back) drops the highlighted channel', () => {
    const s = apply(base, { lessonChannel: 12 });
    expect(base.numbers).toBe('image');
    expect(L.numbersChosen(s, 'example')).toEqual({ numbers: 'example', lessonChannel: null });
    expect(L.numbersChosen(apply(base, { numbers: 'example' }), 'example')).toEqual({});
    expect(L.numbersChosen(base, 'other' as never)).toEqual({});
    expect(L.linkApplied(base, { numbers: 'example' })).toEqual({ numbers: 'example' });
  });

  it('a link sets the view, section and step (shown, not animated)', () => {
    expect(L.linkApplied(base, { presenter: true, section: 4, step: 2 })).toEqual({
      presenter: true,
      mode: 'lesson',
      section: 4,
      playback: { ...initialPlayback, step: 2, progress: 1, run: 'off' },
    });
    expect(L.linkApplied(base, { section: 40 }).section).toBe(SECTIONS.length - 1);
    expect(L.linkApplied(base, {})).toEqual({});
  });
});
