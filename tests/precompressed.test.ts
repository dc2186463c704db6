import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress, servePrecompressed } from '../build/precompressed';

const script = 'export const stride = (k) => k * 2;\n'.repeat(400);
let dir: string;
let server: Server;
let base: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function fetchRaw(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    get(base + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>t</title>${'<p>hello</p>'.repeat(200)}`);
  writeFileSync(join(dir, 'assets', 'main.js'), script);
  writeFileSync(join(dir, 'assets', 'noise.json'), randomBytes(300)); // compression would not pay
  writeFileSync(join(dir, 'assets', 'font.woff2'), script); // already compressed formats are left alone
  await precompress(dir);
  const serve = servePrecompressed(dir, { 'X-Test': 'kept' });
  server = createServer((req, res) => void serve(req, res, () => res.writeHead(299).end('next')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('precompress', () => {
  it('writes brotli and gzip copies that decompress to the file', () => {
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'main.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'main.js.gz'))).toString()).toBe(script);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
  });

  it('skips files that would not get smaller and formats that are compressed already', () => {
    expect(existsSync(join(dir, 'assets', 'noise.json.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'noise.json.gz'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'font.woff2.br'))).toBe(false);
  });
});

describe('servePrecompressed', () => {
  it('sends the brotli copy to a browser that accepts it, with the type of the file', async () => {
    const r = await fetchRaw('/assets/main.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
    expect(r.headers['x-test']).toBe('kept');
    expect(r.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(r.body).toString()).toBe(script);
  });

  it('sends gzip when brotli is not accepted, and the page for a folder', async () => {
    const r = await fetchRaw('/', { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).toString()).toContain('<title>t</title>');
  });

  it('answers 304 when the browser has the same copy', async () => {
    const first = await fetchRaw('/assets/main.js', { 'accept-encoding': 'br' });
    const again = await fetchRaw('/assets/main.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('leaves everything else to the next server: no encoding accepted, no copy, unknown paths', async () => {
    for (const [path, enc] of [
      ['/assets/main.js', ''],
      ['/assets/noise.json', 'br, gzip'],
      ['/assets/font.woff2', 'br'],
      ['/assets/missing.js', 'br'],
      ['/../etc/passwd.js', 'br'],
    ] as const) {
      const r = await fetchRaw(path, enc ? { 'accept-encoding': enc } : {});
      expect(r.status, path).toBe(299);
    }
  });

  it('never sends a copy older than its file (a file replaced after the build)', async () => {
    const file = join(dir, 'assets', 'main.js');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    const r = await fetchRaw('/assets/main.js', { 'accept-encoding': 'br' });
    expect(r.status).toBe(299);
  });
});
