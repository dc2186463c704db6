/** Reads the example catalogue (public/examples/examples.json) and the example images. */
import { examplesForCard, parseCatalogue } from '../compute/examples';
import type { ModelCard } from '../types/card';
import type { Example } from '../types/examples';

async function ok(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
}

/** One read per key and page; a failed read is forgotten, so the next call tries again. */
function once<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = read();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

const catalogues = new Map<string, Promise<unknown>>();
const files = new Map<string, Promise<Uint8Array>>();

/** Starts reading the catalogue; the app calls it at start-up, while the model downloads. */
export function readCatalogue(catalogueUrl: string): Promise<unknown> {
  return once(catalogues, catalogueUrl, () =>
    ok(catalogueUrl)
      .then((r) => r.json() as Promise<unknown>)
      .then((json) => {
        // the image a plain visit opens first downloads now too, not after the model is ready
        const first = parseCatalogue(json).sets[0]?.images[0];
        if (first) fetchExample(new URL(first.file, catalogueUrl).href).catch(() => {});
        return json;
      }),
  );
}

/** The examples offered for `card` (none when the catalogue is missing or has no set for it). */
export async function loadExamples(catalogueUrl: string, card: ModelCard): Promise<Example[]> {
  return examplesForCard(parseCatalogue(await readCatalogue(catalogueUrl)), card, catalogueUrl);
}

/** an example image's bytes (read once per page) */
export function fetchExample(url: string): Promise<Uint8Array> {
  return once(files, url, () => ok(url).then(async (r) => new Uint8Array(await r.arrayBuffer())));
}
