/** A tiny static server over the production build whose files a test can replace: a "deploy". */
import { test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_TYPES } from '../build/contentTypes';

export interface StaticServer {
  url: string;
  /** serve this text instead of the file at `path` (e.g. '/sw.js') from now on */
  replace(path: string, body: string): void;
  /** the file's text as the build wrote it */
  original(path: string): Promise<string>;
  /** file path (under the build) → how many times its body was sent (a 304 sends none) */
  sent: Map<string, number>;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** the URL path the build is served under, e.g. '/se-explainer/' (default '/') */
  base?: string;
  /** response headers for a URL path (default: no-cache); content-type is always set */
  headers?: (urlPath: string) => Record<string, string>;
}

export async function serveStatic(root: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const replaced = new Map<string, string>();
  const sent = new Map<string, number>();
  const base = opts.base ?? '/';
  // like any real server: an ETag, and 304 Not Modified when the browser already has the file
  const reply = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, rel: string, headers: Record<string, string>, data: Buffer | string) => {
    const etag = `"${createHash('sha1').update(data).digest('base64url')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...headers, etag }).end();
      return;
    }
    sent.set(rel, (sent.get(rel) ?? 0) + 1);
    res.writeHead(200, { ...headers, etag }).end(data);
  };
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!urlPath.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    const path = `/${urlPath.slice(base.length)}`;
    const rel = path.endsWith('/') ? `${path}index.html` : path;
    const file = normalize(join(root, rel));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    // browsers check a service worker script against the network: never let a cache answer
    const headers = { ...(opts.headers ? opts.headers(urlPath) : { 'cache-control': 'no-cache' }), 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
    const body = replaced.get(rel);
    if (body !== undefined) {
      reply(req, res, rel, headers, body);
      return;
    }
    readFile(file).then(
      (data) => reply(req, res, rel, headers, data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    replace: (path, body) => void replaced.set(path, body),
    original: (path) => readFile(join(root, path), 'utf8'),
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A spec file's own server over `root`: started before its tests, closed after them; the
 * tests use absolute URLs from it (baseURL is unset). Returns a getter for the running server. */
export function ownStaticServer(root: string, opts: ServeOptions = {}): () => StaticServer {
  let server: StaticServer | undefined;
  test.beforeAll(async () => {
    server = await serveStatic(root, opts);
  });
  test.afterAll(async () => {
    await server?.close();
  });
  test.use({ baseURL: undefined });
  return () => {
    if (!server) throw new Error('the static server has not started (use it inside a test)');
    return server;
  };
}
