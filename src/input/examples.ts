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
    p = ok(catalogueUrl).then((r) => r.json() as Promise<unknown>);
    p.catch(() => catalogues.delete(catalogueUrl));
    catalogues.set(catalogueUrl, p);
  }
  return p;
}

/** The examples offered for `card` (none when the catalogue is missing or has no set for it). */
export async function loadExamples(catalogueUrl: string, card: ModelCard): Promise<Example[]> {
  return examplesForCard(parseCatalogue(await readCatalogue(catalogueUrl)), card, catalogueUrl);
}

export async function fetchBlob(url: string): Promise<Blob> {
  return (await ok(url)).blob();
}
