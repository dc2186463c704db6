/**
 * Issue 12's cold start: the files the first result needs are asked for by index.html itself,
 * while the scripts download, instead of one after another once the app has started (the
 * model index, then the card, then model.json, then the weights; the catalogue, then the first
 * example; the wasm binary once tfjs asks for it). Each preload is `as="fetch"` with the same
 * mode and credentials as the app's own fetch of that URL, so the browser hands the preloaded
 * response to that fetch: nothing is downloaded twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

interface ModelIndexFile {
  models: { id: string; card: string }[];
  default: string;
}

/** URLs (relative to the page) of the default model's files, every card, and the first example. */
export function dataPreloads(publicDir: string): string[] {
  const read = (p: string) => JSON.parse(readFileSync(join(publicDir, p), 'utf8')) as unknown;
  const index = read('models/index.json') as ModelIndexFile;
  const urls = ['models/index.json', ...index.models.map((m) => `models/${m.card}`)];
  const entry = index.models.find((m) => m.id === index.default);
  if (entry) {
    const folder = `models/${entry.id}/`;
    const card = read(`models/${entry.card}`) as { files: { weights: string } };
    const manifest = read(folder + card.files.weights) as { weightsManifest: { paths: string[] }[] };
    urls.push(folder + card.files.weights, ...manifest.weightsManifest.flatMap((g) => g.paths.map((p) => folder + p)));
  }
  const catalogue = read('examples/examples.json') as { sets: { images: { file: string }[] }[] };
  urls.push('examples/examples.json');
  const first = catalogue.sets[0]?.images[0];
  if (first) urls.push(`examples/${first.file}`);
  return urls;
}

const preload = (href: string): HtmlTagDescriptor => ({
  tag: 'link',
  attrs: { rel: 'preload', href, as: 'fetch', crossorigin: 'anonymous' },
  injectTo: 'head',
});

/** Adds the preloads to the built index.html (not to bench.html, not in the dev server). */
export function firstVisitPreloads(publicDir: string): Plugin {
  return {
    name: 'first-visit-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.filename.endsWith('index.html') || !ctx.bundle) return [];
        // the wasm build a browser without cross-origin isolation runs (see src/model/backend.ts)
        const wasm = Object.keys(ctx.bundle).filter((f) => /tfjs-backend-wasm-simd-[^/]*\.wasm$/.test(f));
        return [...dataPreloads(publicDir), ...wasm].map(preload);
      },
    },
  };
}
