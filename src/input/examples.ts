/** Reads the example catalogue (public/examples/examples.json) and the example images. */
import { examplesForCard, parseCatalogue } from '../compute/examples';
import type { ModelCard } from '../types/card';
import type { Example } from '../types/examples';

async function ok(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
}

/** the catalogue, read once per page (a failed read is tried again next time) */
const catalogues = new Map<string, Promise<unknown>>();

/** Starts reading the catalogue; the app calls it at start-up, while the model downloads. */
export function readCatalogue(catalogueUrl: string): Promise<unknown> {
  let p = catalogues.get(catalogueUrl);
  if (!p) {
    p = ok(catalogueUrl)
      .then((r) => r.json() as Promise<unknown>)
      .then((json) => {
        // the image a plain visit opens first downloads now too, not after the model is ready
        const first = parseCatalogue(json).sets[0]?.images[0];
        if (first) fetchBlob(new URL(first.file, catalogueUrl).href).catch(() => {});
        return json;
      });
    p.catch(() => catalogues.delete(catalogueUrl));
    catalogues.set(catalogueUrl, p);
  }
  return p;
}

/** The examples offered for `card` (none when the catalogue is missing or has no set for it). */
export async function loadExamples(catalogueUrl: string, card: ModelCard): Promise<Example[]> {
  return examplesForCard(parseCatalogue(await readCatalogue(catalogueUrl)), card, catalogueUrl);
}

/** example images, read once per page (a failed read is tried again next time) */
const blobs = new Map<string, Promise<Blob>>();

export function fetchBlob(url: string): Promise<Blob> {
  let p = blobs.get(url);
  if (!p) {
    p = ok(url).then((r) => r.blob());
    p.catch(() => blobs.delete(url));
    blobs.set(url, p);
  }
  return p;
}
