/** Reads the example catalogue (public/examples/examples.json) and the example images. */
import { examplesForCard, parseCatalogue } from '../compute/examples';
import type { ModelCard } from '../types/card';
import type { Example } from '../types/examples';

async function ok(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
}

/** The examples offered for `card` (none when the catalogue is missing or has no set for it). */
export async function loadExamples(catalogueUrl: string, card: ModelCard): Promise<Example[]> {
  const json: unknown = await (await ok(catalogueUrl)).json();
  return examplesForCard(parseCatalogue(json), card, catalogueUrl);
}

export async function fetchBlob(url: string): Promise<Blob> {
  return (await ok(url)).blob();
}
