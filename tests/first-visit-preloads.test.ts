// index.html's preloads (build/firstVisitPreloads.ts) must be exactly what the app itself reads
// for its first result: a preload the app does not use is downloaded for nothing, and a file the
// app reads without a preload waits for the script first. The plugin works the list out from
// public/ at build time; this test runs the app's own readers against public/ and compares.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { dataPreloads } from '../build/firstVisitPreloads';
import { readCatalogue } from '../src/input/examples';
import { listShippedModels } from '../src/model/catalog';
import { SENetwork } from '../src/model/network';
import { httpReader } from '../src/model/weights';
import type { ModelIndex } from '../src/types/card';

const PAGE = 'http://app.test/sub/path/';
const publicDir = join(__dirname, '..', 'public');

afterEach(() => vi.unstubAllGlobals());

it('index.html preloads exactly the files the app reads for its first result', async () => {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const path = url.pathname.slice(new URL(PAGE).pathname.length);
    asked.push(path);
    const file = join(publicDir, path);
    return existsSync(file) ? new Response(readFileSync(file)) : new Response('missing', { status: 404 });
  });
  // what the app starts with (src/store/index.ts, src/model/engine.ts): the model list with
  // every card, the default model's card and weights, the example catalogue and its first image
  const modelsUrl = new URL('models/', PAGE).href;
  await listShippedModels(modelsUrl);
  const index = JSON.parse(readFileSync(join(publicDir, 'models/index.json'), 'utf8')) as ModelIndex;
  await SENetwork.fetchFiles(httpReader(`${modelsUrl}${index.default}/`));
  await readCatalogue(new URL('examples/examples.json', PAGE).href);
  await vi.waitFor(() => expect(asked.some((p) => p.startsWith('examples/') && p.endsWith('.png'))).toBe(true));

  const preloads = dataPreloads(publicDir);
  expect(new Set(preloads).size).toBe(preloads.length);
  expect([...new Set(asked)].sort()).toEqual([...preloads].sort());
});
