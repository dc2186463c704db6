/**
 * Each slice writes only its own state. A slice gets a `set` that knows the keys of the object
 * the slice returned (its state and actions); a write to any other key is a bug: it throws in
 * development and tests, and is reported (and skipped) in production. To change another slice's
 * state, call one of that slice's actions.
 */
export type SliceSet<S> = (partial: Partial<S> | ((s: S) => Partial<S>)) => void;

const strict = import.meta.env?.MODE !== 'production';

export class ForeignWriteError extends Error {}

export function ownedSlice<S, T extends object>(name: string, set: (partial: Partial<S> | ((s: S) => Partial<S>)) => void, make: (set: SliceSet<S>) => T): T {
  let own: Set<string> | null = null;
  const check = (p: object) => {
    const foreign = Object.keys(p).filter((k) => !own?.has(k));
    if (!foreign.length) return p;
    const msg = `the ${name} slice wrote state it does not own: ${foreign.join(', ')}`;
    if (strict) throw new ForeignWriteError(msg);
    console.error(msg);
    return Object.fromEntries(Object.entries(p).filter(([k]) => own?.has(k)));
  };
  const guarded: SliceSet<S> = (partial) =>
    set(typeof partial === 'function' ? (s: S) => check(partial(s)) as Partial<S> : (check(partial) as Partial<S>));
  const slice = make(guarded);
  own = new Set(Object.keys(slice));
  return slice;
}
