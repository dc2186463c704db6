/**
 * The step-through animation of one SE block as a pure state machine.
 *
 * A block is shown in six steps; each step animates from progress 0 (its start) to 1 (its
 * result). Playback either runs every remaining step ('all', holding briefly on each result)
 * or animates just the current step and stops ('step', what next/goTo do).
 */

export const STEP_IDS = ['input', 'squeeze', 'fc1', 'fc2', 'scale', 'residual'] as const;
export type StepId = (typeof STEP_IDS)[number];
export const STEP_COUNT = STEP_IDS.length;
export const LAST_STEP = STEP_COUNT - 1;

/** Playback speeds offered in the speed select. */
export const SPEEDS = [0.5, 1, 2] as const;
/** Duration of one step's animation at speed 1, ms. */
export const STEP_MS = 2400;
/** Pause on a step's result before playback moves on, at speed 1, ms. */
export const HOLD_MS = 1200;

export type Run = 'off' | 'step' | 'all';

export interface Playback {
  step: number;
  /** 0..1 within the step */
  progress: number;
  run: Run;
  speed: number;
  /** ms already spent holding on a finished step while run === 'all' */
  held: number;
}

export const initialPlayback: Playback = { step: 0, progress: 1, run: 'off', speed: 1, held: 0 };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const clampStep = (s: number) => clamp(Math.round(Number.isFinite(s) ? s : 0), 0, LAST_STEP);

export function isPlaying(p: Playback): boolean {
  return p.run !== 'off';
}

/** Jump to a step and animate it (the result stays on screen when it is done). */
export function goTo(p: Playback, step: number): Playback {
  return { ...p, step: clampStep(step), progress: 0, run: 'step', held: 0 };
}

/** Show a step's result at once, without animation. */
export function show(p: Playback, step: number): Playback {
  return { ...p, step: clampStep(step), progress: 1, run: 'off', held: 0 };
}

export function next(p: Playback): Playback {
  return p.step >= LAST_STEP ? show(p, LAST_STEP) : goTo(p, p.step + 1);
}

/** Back one step, showing its result (a backwards animation would be confusing). */
export function prev(p: Playback): Playback {
  return show(p, p.step - 1);
}

export function first(p: Playback): Playback {
  return show(p, 0);
}

export function last(p: Playback): Playback {
  return show(p, LAST_STEP);
}

/** Play every remaining step; from the very end, start again at the beginning. */
export function play(p: Playback): Playback {
  if (p.step >= LAST_STEP && p.progress >= 1) return { ...p, step: 0, progress: 0, run: 'all', held: 0 };
  return { ...p, run: 'all', held: 0 };
}

export function pause(p: Playback): Playback {
  return { ...p, run: 'off', held: 0 };
}

export function togglePlay(p: Playback): Playback {
  return p.run === 'all' ? pause(p) : play(p);
}

export function setSpeed(p: Playback, speed: number): Playback {
  return Number.isFinite(speed) && speed > 0 ? { ...p, speed } : p;
}

/** Set the progress within the current step (stops playback). */
export function scrub(p: Playback, progress: number): Playback {
  return { ...p, progress: clamp(Number.isFinite(progress) ? progress : 0, 0, 1), run: 'off', held: 0 };
}

/** Overall position 0..STEP_COUNT: step 2 at progress 0.5 is 2.5 (for one slider over all steps). */
export function position(p: Playback): number {
  return p.step + p.progress;
}

/**
 * Seek to an overall position (stops playback). Whole numbers land on the result of the step
 * before (position 2 shows step 1 finished), except 0, which is step 0's result.
 */
export function seek(p: Playback, pos: number): Playback {
  const x = clamp(Number.isFinite(pos) ? pos : 0, 0, STEP_COUNT);
  if (x <= 1) return { ...p, step: 0, progress: x, run: 'off', held: 0 };
  const step = Math.ceil(x) - 1;
  return { ...p, step, progress: x - step, run: 'off', held: 0 };
}

/**
 * Advance playback by dt milliseconds. With reduced motion a step's result appears at once
 * (no in-between frames); 'all' still holds on each result so there is time to read it.
 */
export function tick(p: Playback, dtMs: number, reducedMotion = false): Playback {
  if (p.run === 'off' || !(dtMs > 0)) return p;
  const dt = dtMs * p.speed;
  if (p.progress < 1) {
    const progress = reducedMotion ? 1 : Math.min(1, p.progress + dt / STEP_MS);
    if (progress < 1) return { ...p, progress };
    return p.run === 'step' ? { ...p, progress: 1, run: 'off', held: 0 } : { ...p, progress: 1, held: 0 };
  }
  if (p.run === 'step') return { ...p, run: 'off', held: 0 };
  // run === 'all' on a finished step: hold, then move on (or stop at the end)
  if (p.step >= LAST_STEP) return { ...p, run: 'off', held: 0 };
  const held = p.held + dt;
  if (held < HOLD_MS) return { ...p, held };
  return { ...p, step: p.step + 1, progress: 0, held: 0 };
}

// ---- easing and sub-phases used by the renderers ----

export function easeInOut(t: number): number {
  const x = clamp(t, 0, 1);
  return x < 0.5 ? 2 * x * x : 1 - (-2 * x + 2) ** 2 / 2;
}

/** Progress of a sub-phase [from, to] of a step, eased, 0 before and 1 after. */
export function phase(progress: number, from: number, to: number): number {
  if (to <= from) return progress >= to ? 1 : 0;
  return easeInOut((progress - from) / (to - from));
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/**
 * How far along the whole animation a renderer is for a given step: steps before the current
 * one are complete (1), later ones not started (0), the current one at its progress.
 */
export function stepDone(step: number, progress: number, target: StepId): number {
  const k = STEP_IDS.indexOf(target);
  if (k < step) return 1;
  if (k > step) return 0;
  return clamp(progress, 0, 1);
}
