/**
 * Performance marks of the cold load (first time only), read by `npm run bench` for the
 * breakdown of where the first visit's time goes. Harmless where `performance` is missing.
 */
export function markOnce(name: string) {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}
