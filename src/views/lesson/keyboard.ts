/** Which animation action a key press asks for (pure, so it can be unit-tested). */
export type StepKeyAction = 'prev' | 'next' | 'toggle' | 'first' | 'last';

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** tag name of the focused element, upper case (as DOM gives it) */
  targetTag?: string;
  targetEditable?: boolean;
  /** type attribute of a focused input */
  targetType?: string;
}

export function keyAction(e: KeyLike): StepKeyAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const tag = e.targetTag ?? '';
  // text fields and selects keep their keys; a range slider keeps its arrows and Home/End
  if (e.targetEditable || tag === 'TEXTAREA' || tag === 'SELECT') return null;
  if (tag === 'INPUT' && e.targetType !== 'range' && e.targetType !== 'checkbox' && e.targetType !== 'button') return null;
  const onRange = tag === 'INPUT' && e.targetType === 'range';
  switch (e.key) {
    case 'ArrowLeft':
      return onRange ? null : 'prev';
    case 'ArrowRight':
      return onRange ? null : 'next';
    case 'Home':
      return onRange ? null : 'first';
    case 'End':
      return onRange ? null : 'last';
    case ' ':
    case 'Spacebar':
      // a focused button is clicked by Space itself
      return tag === 'BUTTON' ? null : 'toggle';
    default:
      return null;
  }
}
