import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { fakeTaps } from '../compute/lesson/fixtures.test-util';
import type { ModelCard } from '../types/card';
import type { BlockTaps, ForwardResult } from '../types/forward';
import { createLessonSlice, type LessonHost } from './lesson';
import { lessonBlockChanged } from './lessonTransitions';
import type { ChannelRef, InputImage } from './transitions';
import { INITIAL_VIEW } from './slices/view';

const card = {
  id: 'm',
  architecture: {
    blocks: [
      { index: 0, id: 'b0', channels: 3, se: { hidden: 2, reduction: 2 } },
      { index: 1, id: 'b1', channels: 3, se: { hidden: 2, reduction: 2 } },
      { index: 2, id: 'b2', channels: 3, se: null },
    ],
  },
} as unknown as ModelCard;

function taps(index: number, s: number[]): BlockTaps {
  const t = fakeTaps();
  return { ...t, index, s: Float32Array.from(s), sModel: Float32Array.from(s) };
}

function makeStore() {
  const input = { id: 1 } as InputImage;
  const result = { blocks: [taps(0, [0.9, 0.2, 0.5]), taps(1, [0.7, 0.8, 0.1]), null] } as unknown as ForwardResult;
  const core = { ...INITIAL_VIEW, input };
  const prediction = { model: 'm', image: 1, before: result, after: result, overridesKey: '' };
  return createStore<LessonHost>()((set, get) => ({
    ...createLessonSlice<LessonHost>(set, get),
    ...core,
    prediction,
    card,
    selectBlock(i: number) {
      if (i === get().selectedBlock) return;
      set({ selectedBlock: i, pinned: null });
      set(lessonBlockChanged(get()));
    },
    pinChannel(ref: ChannelRef, clearHover: boolean) {
      set(clearHover ? { pinned: ref, hovered: null } : { pinned: ref });
    },
  }));
}

describe('lesson slice in a store', () => {
  it('a section applies its focus: step, channel picked from the taps, pin, inspector panel', () => {
    const store = makeStore();
    store.getState().setSection(2); // excitation: step 3, most suppressed channel, panel s
    const s = store.getState();
    expect(s.section).toBe(2);
    expect(s.playback).toMatchObject({ step: 3, progress: 0, run: 'step' });
    expect(s.lessonChannel).toBe(1); // argmin of s in block 0
    expect(s.pinned).toEqual({ block: 0, channel: 1 });
    expect(s.focusPanel).toBe('s');
  });

  it('a section with a block selects it and picks the channel in that block', () => {
    const store = makeStore();
    store.getState().setSection(5); // architecture: last SE block, step 3
    expect(store.getState().selectedBlock).toBe(1);
    expect(store.getState().playback.step).toBe(3);
    store.getState().applyFocus({ channel: 'most-suppressed' });
    expect(store.getState().lessonChannel).toBe(2);
    expect(store.getState().pinned).toEqual({ block: 1, channel: 2 });
  });

  it('under reduced motion a section shows its step at once', () => {
    const store = makeStore();
    store.getState().setReducedMotion(true);
    store.getState().setSection(1); // squeeze: step 1
    expect(store.getState().playback).toMatchObject({ step: 1, progress: 1, run: 'off' });
  });

  it('choosing a channel pins it; another block forgets it', () => {
    const store = makeStore();
    store.getState().setLessonChannel(2);
    expect(store.getState().pinned).toEqual({ block: 0, channel: 2 });
    store.getState().selectBlock(1);
    expect(store.getState().lessonChannel).toBeNull();
  });

  it('without a current prediction a focus still moves step and panel', () => {
    const store = makeStore();
    store.setState({ prediction: null });
    store.getState().setSection(3); // scale: step 4, channel needs taps
    expect(store.getState().playback.step).toBe(4);
    expect(store.getState().lessonChannel).toBeNull();
    expect(store.getState().focusPanel).toBe('scaled');
  });

  it('opening the lesson applies the current section\'s focus; going back to the explorer does not', () => {
    const store = makeStore();
    store.getState().setMode('lesson');
    // section 0: the quietest block's quietest channel at step 0, the output panel outlined
    expect(store.getState()).toMatchObject({ mode: 'lesson', focusPanel: 'out' });
    expect(store.getState().playback.step).toBe(0);
    store.getState().setSection(2);
    store.getState().setMode('explore');
    store.setState({ focusPanel: null, lessonChannel: null, pinned: null });
    store.getState().playbackDo({ type: 'first' });
    store.getState().setPresenter(true);
    // section 2 (excitation): step 3, the most suppressed channel of block 0, panel s
    expect(store.getState()).toMatchObject({ mode: 'lesson', presenter: true, focusPanel: 's', lessonChannel: 1, pinned: { block: 0, channel: 1 } });
    expect(store.getState().playback.step).toBe(3);
  });

  it('presenter mode opens the lesson; the explorer ends it', () => {
    const store = makeStore();
    store.getState().setPresenter(true);
    expect(store.getState()).toMatchObject({ presenter: true, mode: 'lesson' });
    store.getState().setMode('explore');
    expect(store.getState()).toMatchObject({ presenter: false, mode: 'explore' });
  });
});
