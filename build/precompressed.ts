/**
 * Files compressed once, when the app is built, and sent as they are.
 *
 * `vite preview` (what `npm start` and `npm run bench` serve) otherwise gzips every response
 * again, on each request, in its one Node thread: a first visit asks for a dozen files at once
 * (index.html's preloads), and the main script waited for the weights' and the wasm binary's
 * compression. nginx does the same with `gzip_static on` (deploy/nginx.conf); a host that
 * compresses by itself (GitHub Pages, Netlify) ignores the extra files.
 *
 * Each compressible file gets `<file>.br` and `<file>.gz` (level 9) beside it, when that saves at
 * least 5%. Brotli's best quality (11) takes ~2 s per MB here; on the weights (float32, 1.1 MB)
 * it saves 1% over quality 5, so files over 1 MB get quality 5. The service worker's precache
 * globs match neither suffix. sw.js itself is written after this plugin runs: it has no copies
 * and is compressed per request, as before.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { CONTENT_TYPES } from './contentTypes';

/** what is worth compressing (images, fonts and the like are compressed already) */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.wasm', '.bin', '.svg']);

/** what a browser may ask for, best first: Accept-Encoding name, how to find it there, file suffix */
const ENCODINGS = [
  ['br', /\bbr\b/, '.br'],
  ['gzip', /\bgzip\b/, '.gz'],
] as const;

const MIN_SAVING = 0.05;
const brotliQuality = (bytes: number) => (bytes > 1 << 20 ? 5 : 11);

const br = promisify(brotliCompress);
const gz = promisify(gzip);

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    else if (e.isFile()) yield p;
  }
}

/** Writes `.br` and `.gz` beside every compressible file under `dir`; returns how many it wrote. */
export async function precompress(dir: string): Promise<number> {
  let written = 0;
  for await (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const data = await readFile(file);
    const variants = await Promise.all([
      br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.length), [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      gz(data, { level: 9 }),
    ]);
    for (const [i, packed] of variants.entries()) {
      if (packed.length > data.length * (1 - MIN_SAVING)) continue;
      await writeFile(file + ENCODINGS[i]![2], packed);
      written++;
    }
  }
  return written;
}

type Next = (err?: unknown) => void;

/**
 * A connect middleware over `root` that answers with a file's compressed copy when the request
 * accepts its encoding and the copy is at least as new as the file; anything else goes on to
 * the next middleware (vite's own static files, which compress on the fly).
 */
export function servePrecompressed(root: string, headers: Record<string, string> = {}) {
  const top = normalize(root);
  return async (req: IncomingMessage, res: ServerResponse, next: Next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return next();
    }
    const file = normalize(join(top, path.endsWith('/') ? `${path}index.html` : path));
    if (!COMPRESSIBLE.has(extname(file)) || !file.startsWith(top + sep)) return next();
    const type = CONTENT_TYPES[extname(file)]!;
    const accept = String(req.headers['accept-encoding'] ?? '');
    for (const [name, accepted, suffix] of ENCODINGS) {
      if (!accepted.test(accept)) continue;
      const [orig, packed] = await Promise.all([stat(file).catch(() => null), stat(file + suffix).catch(() => null)]);
      if (!orig?.isFile() || !packed?.isFile() || packed.mtimeMs < orig.mtimeMs) continue;
      const etag = `W/"${orig.size}-${Math.round(orig.mtimeMs)}-${name}"`;
      const vary = [res.getHeader('Vary'), 'Accept-Encoding'].filter(Boolean).join(', ');
      const common = { ...headers, 'Cache-Control': 'no-cache', ETag: etag, Vary: vary };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, common).end();
        return;
      }
      res.writeHead(200, { ...common, 'Content-Type': type, 'Content-Encoding': name, 'Content-Length': packed.size, 'Last-Modified': orig.mtime.toUTCString() });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file + suffix).pipe(res);
      return;
    }
    next();
  };
}

/** Compresses the build's files when it is written, and serves them so in `vite preview`. */
export function precompressed(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompressed',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (this.meta.watchMode) return;
      await precompress(outDir);
    },
    configurePreviewServer(server) {
      // before vite's compression and static middlewares; SE_PRECOMPRESSED=0 turns it off (A/B)
      if (process.env.SE_PRECOMPRESSED === '0') return;
      const dist = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(servePrecompressed(dist, server.config.preview.headers as Record<string, string> | undefined));
    },
  };
}
