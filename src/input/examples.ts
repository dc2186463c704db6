/** Reads the example catalogue (public/examples/examples.json) and the example images. */
import { examplesForCard, parseCatalogue } from '../compute/examples';
import type { ModelCard } from '../types/card';
import type { Example } from '../types/examples';
import { decodeImage, type DecodedImage } from './decode';

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
const decoded = new Map<string, Promise<DecodedImage>>();

/** Starts reading the catalogue; the app calls it at start-up, while the model downloads. */
export function readCatalogue(catalogueUrl: string): Promise<unknown> {
  return once(catalogues, catalogueUrl, () =>
    ok(catalogueUrl)
      .then((r) => r.json() as Promise<unknown>)
      .then((json) => {
        // the image a plain visit opens first is downloaded and decoded now, while the model
        // loads: when the model is ready, the first pass starts at once
        const first = parseCatalogue(json).sets[0]?.images[0];
        if (first) decodeExample(new URL(first.file, catalogueUrl).href).catch(() => {});
        return json;
      }),
  );
}

/** The examples offered for `card` (none when the catalogue is missing or has no set for it). */
export async function loadExamples(catalogueUrl: string, card: ModelCard): Promise<Example[]> {
  return examplesForCard(parseCatalogue(await readCatalogue(catalogueUrl)), card, catalogueUrl);
}

/** an example image's bytes (read once per page) */
function fetchExample(url: string): Promise<Uint8Array> {
  return once(files, url, () => ok(url).then(async (r) => new Uint8Array(await r.arrayBuffer())));
}

/** an example image, decoded (once per page; the decoded pixels are never changed in place) */
export function decodeExample(url: string): Promise<DecodedImage> {
  return once(decoded, url, () => fetchExample(url).then((bytes) => decodeImage(bytes)));
}
