/**
 * The one canonical text of a set of overrides: equal interventions give equal keys, whatever
 * order they were made in. The model (which blocks its cache must re-run) and the store (which
 * overrides a prediction was computed for) both compare overrides through these two functions.
 */
import type { BlockOverride, Overrides } from './forward';

/** One block's override as text; '' when it changes nothing (the trained sigmoid, no forced channel). */
export function blockKey(o: BlockOverride | undefined): string {
  if (!o) return '';
  const gate = o.gate && o.gate !== 'sigmoid' ? o.gate : '';
  const ch = Object.entries(o.channels ?? {})
    .map(([c, v]) => [Number(c), v] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([c, v]) => `${c}=${v}`)
    .join(',');
  return gate || ch ? `${gate}|${ch}` : '';
}

/** Every block's override as one text ('' when there are none). */
export function overridesKey(ov: Overrides): string {
  return Object.keys(ov)
    .map(Number)
    .sort((a, b) => a - b)
    .map((b) => [b, blockKey(ov[b])] as const)
    .filter(([, k]) => k)
    .map(([b, k]) => `${b}:${k}`)
    .join(';');
}
