import { describe, expect, it } from 'vitest';
import {
  HOLD_MS, LAST_STEP, STEP_COUNT, STEP_MS, first, goTo, initialPlayback, last, next, pause, phase, play, position, prev,
  scrub, seek, setSpeed, stepDone, tick, togglePlay,
} from './steps';

describe('step transitions', () => {
  it('has six steps and starts on the input, shown', () => {
    expect(STEP_COUNT).toBe(6);
    expect(initialPlayback).toMatchObject({ step: 0, progress: 1, run: 'off' });
  });
  it('next animates the following step and stops at the end', () => {
    const p = next(initialPlayback);
    expect(p).toMatchObject({ step: 1, progress: 0, run: 'step' });
    expect(next(last(initialPlayback))).toMatchObject({ step: LAST_STEP, progress: 1, run: 'off' });
  });
  it('prev shows the previous result, never below 0', () => {
    expect(prev(goTo(initialPlayback, 3))).toMatchObject({ step: 2, progress: 1, run: 'off' });
    expect(prev(initialPlayback).step).toBe(0);
  });
  it('first/last jump to the ends; goTo clamps', () => {
    expect(first(goTo(initialPlayback, 4))).toMatchObject({ step: 0, progress: 1 });
    expect(last(initialPlayback)).toMatchObject({ step: LAST_STEP, progress: 1 });
    expect(goTo(initialPlayback, 99).step).toBe(LAST_STEP);
    expect(goTo(initialPlayback, -2).step).toBe(0);
    expect(goTo(initialPlayback, NaN).step).toBe(0);
  });
  it('play restarts from the end, toggles with pause', () => {
    const p = play(last(initialPlayback));
    expect(p).toMatchObject({ step: 0, progress: 0, run: 'all' });
    expect(togglePlay(p).run).toBe('off');
    expect(togglePlay(pause(p)).run).toBe('all');
    expect(play(goTo(initialPlayback, 2))).toMatchObject({ step: 2, run: 'all' });
  });
  it('scrub clamps the progress within the step and stops playback', () => {
    const p = scrub(play(goTo(initialPlayback, 2)), 0.4);
    expect(p).toMatchObject({ step: 2, progress: 0.4, run: 'off' });
    expect(scrub(p, 7).progress).toBe(1);
    expect(scrub(p, -1).progress).toBe(0);
  });
  it('seek and position are inverse over the whole animation', () => {
    for (const x of [0, 0.5, 1, 1.25, 2, 3.5, 6]) expect(position(seek(initialPlayback, x))).toBeCloseTo(x, 9);
    expect(seek(initialPlayback, 2)).toMatchObject({ step: 1, progress: 1 });
    expect(seek(initialPlayback, 99)).toMatchObject({ step: LAST_STEP, progress: 1 });
  });
});

describe('tick', () => {
  it('does nothing while paused', () => {
    const p = scrub(initialPlayback, 0.2);
    expect(tick(p, 1000)).toBe(p);
  });
  it('animates one step and stops for run=step', () => {
    let p = goTo(initialPlayback, 1);
    p = tick(p, STEP_MS / 2);
    expect(p.progress).toBeCloseTo(0.5);
    p = tick(p, STEP_MS);
    expect(p).toMatchObject({ step: 1, progress: 1, run: 'off' });
  });
  it('speed scales time', () => {
    const p = tick(setSpeed(goTo(initialPlayback, 1), 2), STEP_MS / 4);
    expect(p.progress).toBeCloseTo(0.5);
    expect(setSpeed(p, 0).speed).toBe(2);
  });
  it('run=all holds on each result, moves on, stops at the end', () => {
    let p = play(goTo(initialPlayback, LAST_STEP - 1));
    p = tick(p, STEP_MS);
    expect(p).toMatchObject({ step: LAST_STEP - 1, progress: 1, run: 'all' });
    p = tick(p, HOLD_MS / 2);
    expect(p.step).toBe(LAST_STEP - 1);
    p = tick(p, HOLD_MS);
    expect(p).toMatchObject({ step: LAST_STEP, progress: 0 });
    p = tick(tick(p, STEP_MS), 1);
    expect(p).toMatchObject({ step: LAST_STEP, progress: 1, run: 'off' });
  });
  it('reduced motion shows the result at once', () => {
    expect(tick(goTo(initialPlayback, 2), 16, true)).toMatchObject({ step: 2, progress: 1, run: 'off' });
    const all = tick(play(goTo(initialPlayback, 2)), 16, true);
    expect(all).toMatchObject({ step: 2, progress: 1, run: 'all' });
  });
});

describe('easing helpers', () => {
  it('phase is 0 before, 1 after and monotone', () => {
    expect(phase(0.1, 0.2, 0.6)).toBe(0);
    expect(phase(0.7, 0.2, 0.6)).toBe(1);
    expect(phase(0.4, 0.2, 0.6)).toBeCloseTo(0.5);
  });
  it('stepDone: earlier steps complete, later not started', () => {
    expect(stepDone(3, 0.5, 'squeeze')).toBe(1);
    expect(stepDone(3, 0.5, 'fc2')).toBe(0.5);
    expect(stepDone(3, 0.5, 'scale')).toBe(0);
  });
});
