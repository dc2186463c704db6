/**
 * What the service worker keeps, and how (read by vite.config.ts, which builds the worker, and
 * by ./serviceWorker.ts in the page). Pure data: no DOM, no workbox.
 *
 * A first visit should download every file once (issue 12): the worker is registered only after
 * the first example is drawn, and it precaches just the hashed app shell (scripts and styles,
 * which the browser's HTTP cache already holds), the KaTeX fonts in one format (woff2) and the
 * one wasm binary a browser without cross-origin isolation uses (SIMD). Files whose names do not
 * change between deploys — the page, the model, the examples — are not precached: Workbox
 * fetches revisioned entries past the HTTP cache, i.e. a second time. The page copies the ones it
 * has loaded into PAGE_CACHE / DATA_CACHE instead (from the HTTP cache: at most a 304), and the
 * worker answers them network-first from there, so a new deploy is picked up online and the
 * cached copy is used offline.
 */

/** precached at install (globs over dist/) */
export const PRECACHE_GLOBS = ['**/*.{js,css,woff2}', 'assets/tfjs-backend-wasm-simd-*.wasm']; // + the icons and manifest (vite-plugin-pwa adds them)
export const PRECACHE_IGNORES = ['**/golden.*', 'bench.html', 'assets/bench-*.js'];

/** the page itself (any query string): network first, this cache offline */
export const PAGE_CACHE = 'se-explainer-page';

/** the model and the examples: network first, this cache offline */
export const DATA_CACHE = 'se-explainer-data';
export const DATA_PATH = /\/(models|examples)\/[^?#]*$/;

/** other wasm binaries and font formats, if a browser ever asks for them: cached when first needed */
export const ASSET_CACHE = 'se-explainer-assets';
export const LAZY_ASSET_PATH = /\/assets\/[^/?#]+\.(wasm|woff|ttf)$/;

/** Which of the page's own requests belong in DATA_CACHE (same origin, the model or the examples). */
export function isDataUrl(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    return u.origin === origin && DATA_PATH.test(u.pathname) && !/\/golden\./.test(u.pathname);
  } catch {
    return false;
  }
}
