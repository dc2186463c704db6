/**
 * JSON files of the models (index.json, card.json, model.json) read once per page: the model
 * picker and the engine both need the index and the cards, and a first visit downloads every
 * file once. A failed read is forgotten, so that Retry reads the file again. No tfjs here.
 */
import { ModelFileError } from './modelFileError';

const cache = new Map<string, Promise<unknown>>();

/** `name` is what a message calls the file (its path in the model folder). */
export function readJsonOnce(url: string, name: string, fetchFn: typeof fetch = fetch): Promise<unknown> {
  const hit = cache.get(url);
  if (hit) return hit;
  const read = (async () => {
    const res = await fetchFn(url);
    if (!res.ok) throw new ModelFileError(`${name}: HTTP ${res.status}`, name);
    try {
      return (await res.json()) as unknown;
    } catch {
      throw new ModelFileError(`${name} is not valid JSON`, name);
    }
  })();
  cache.set(url, read);
  read.catch(() => cache.delete(url));
  return read;
}
