import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { ForeignWriteError, ownedSlice } from './sliceOwnership';

interface S {
  count: number;
  bump: () => void;
  label: string;
  rename: (l: string) => void;
  /** a bug on purpose: writes the other slice's state */
  steal: () => void;
  stealLater: () => void;
}

function twoSlices() {
  return createStore<S>()((set, get) => ({
    ...ownedSlice<S, Pick<S, 'count' | 'bump'>>('counter', set, (own) => ({ count: 0, bump: () => own((s) => ({ count: s.count + 1 })) })),
    ...ownedSlice<S, Pick<S, 'label' | 'rename' | 'steal' | 'stealLater'>>('label', set, (own) => ({
      label: '',
      rename: (label) => own({ label }),
      steal: () => own({ count: 99 }),
      // the right way: call the owner's action
      stealLater: () => get().bump(),
    })),
  }));
}

describe('each slice writes only its own state', () => {
  it('own writes pass, in both forms of set', () => {
    const store = twoSlices();
    store.getState().bump();
    store.getState().rename('x');
    expect(store.getState()).toMatchObject({ count: 1, label: 'x' });
  });

  it("a write to another slice's state throws and changes nothing", () => {
    const store = twoSlices();
    expect(() => store.getState().steal()).toThrow(ForeignWriteError);
    expect(() => store.getState().steal()).toThrow(/label slice wrote state it does not own: count/);
    expect(store.getState().count).toBe(0);
    store.getState().stealLater();
    expect(store.getState().count).toBe(1);
  });
});
