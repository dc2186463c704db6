import { useEffect, useRef, type RefObject } from 'react';
import { keyAction, type StepKeyAction } from './keyboard';

export type StepKeyHandlers = Record<StepKeyAction, () => void>;

/**
 * ← / → step, Space play/pause, Home / End first/last step. Listens on `target` (an element
 * that holds focus, e.g. the animation's section) or on the whole window when target is
 * omitted. Keys typed into text fields are left alone.
 */
export function useStepKeyboard(handlers: StepKeyHandlers, opts: { target?: RefObject<HTMLElement | null>; enabled?: boolean } = {}) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const { target, enabled = true } = opts;
  useEffect(() => {
    if (!enabled) return;
    const el: HTMLElement | Window | null = target ? target.current : window;
    if (!el) return;
    const onKey = (ev: Event) => {
      const e = ev as KeyboardEvent;
      const t = e.target as HTMLElement | null;
      const action = keyAction({
        key: e.key,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        targetTag: t?.tagName,
        targetEditable: !!t?.isContentEditable,
        targetType: t instanceof HTMLInputElement ? t.type : undefined,
      });
      if (!action) return;
      e.preventDefault();
      latest.current[action]();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [target, enabled]);
}
