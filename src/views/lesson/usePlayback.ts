import { useCallback, useEffect, useMemo, useReducer } from 'react';
import * as S from '../../compute/lesson/steps';

type Action =
  | { type: 'next' | 'prev' | 'first' | 'last' | 'play' | 'pause' | 'toggle' }
  | { type: 'goTo' | 'show'; step: number }
  | { type: 'scrub'; progress: number }
  | { type: 'seek'; position: number }
  | { type: 'speed'; speed: number }
  | { type: 'tick'; dt: number; reduced: boolean };

function reducer(p: S.Playback, a: Action): S.Playback {
  switch (a.type) {
    case 'next':
      return S.next(p);
    case 'prev':
      return S.prev(p);
    case 'first':
      return S.first(p);
    case 'last':
      return S.last(p);
    case 'play':
      return S.play(p);
    case 'pause':
      return S.pause(p);
    case 'toggle':
      return S.togglePlay(p);
    case 'goTo':
      return S.goTo(p, a.step);
    case 'show':
      return S.show(p, a.step);
    case 'scrub':
      return S.scrub(p, a.progress);
    case 'seek':
      return S.seek(p, a.position);
    case 'speed':
      return S.setSpeed(p, a.speed);
    case 'tick':
      return S.tick(p, a.dt, a.reduced);
  }
}

export interface PlaybackActions {
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  play(): void;
  pause(): void;
  toggle(): void;
  goTo(step: number): void;
  show(step: number): void;
  scrub(progress: number): void;
  seek(position: number): void;
  setSpeed(speed: number): void;
}

/**
 * Local playback state driven by requestAnimationFrame while something plays. The app may keep
 * the same Playback in its store instead and call the pure transitions of compute/lesson/steps.
 */
export function usePlayback(reducedMotion: boolean, initial: S.Playback = S.initialPlayback): [S.Playback, PlaybackActions] {
  const [state, dispatch] = useReducer(reducer, initial);
  const running = state.run !== 'off';
  useEffect(() => {
    if (!running) return;
    let last = performance.now();
    let id = requestAnimationFrame(function frame(now) {
      dispatch({ type: 'tick', dt: Math.min(100, now - last), reduced: reducedMotion });
      last = now;
      id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, [running, reducedMotion]);
  const simple = useCallback((type: 'next' | 'prev' | 'first' | 'last' | 'play' | 'pause' | 'toggle') => () => dispatch({ type }), []);
  const actions = useMemo<PlaybackActions>(
    () => ({
      next: simple('next'),
      prev: simple('prev'),
      first: simple('first'),
      last: simple('last'),
      play: simple('play'),
      pause: simple('pause'),
      toggle: simple('toggle'),
      goTo: (step) => dispatch({ type: 'goTo', step }),
      show: (step) => dispatch({ type: 'show', step }),
      scrub: (progress) => dispatch({ type: 'scrub', progress }),
      seek: (position) => dispatch({ type: 'seek', position }),
      setSpeed: (speed) => dispatch({ type: 'speed', speed }),
    }),
    [simple],
  );
  return [state, actions];
}
