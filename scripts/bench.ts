// `npm run bench`: times the production build in headless Chromium on WebGL and wasm and prints
// one JSON object (medians, ms). Builds first unless --no-build; --update-readme rewrites the
// README's benchmark section with the result.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { countingProxy, linkingPage, median as med, visit } from './firstVisit';

declare global {
  interface Window {
    __bench?: unknown;
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const args = new Set(process.argv.slice(2));
const port = 4179;
const samples = 3; // fresh browsers per backend (cold loads); the warm timings are medians of each
const appSamples = 5; // fresh browsers opening the app itself (first visit, first example drawn)

const METRICS = [
  'logitsOnlyMs',
  'allTapsMs',
  'rerunFromFirstMs',
  'rerunFromMiddleMs',
  'rerunFromLastMs',
  'coldLoadToFirstPredictionMs',
] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** gzip size of the JavaScript index.html loads before any interaction (entry + preloads). */
function initialJsGzipBytes(): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return srcs.reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src)), { level: 9 }).length, 0);
}

function modelBytes(): number {
  const models = join(dist, 'models');
  const index = JSON.parse(readFileSync(join(models, 'index.json'), 'utf8')) as { default: string };
  const dir = join(models, index.default);
  // what the app downloads: card, manifest and shards (golden vectors and stats are not fetched at load)
  const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    weightsManifest: { paths: string[] }[];
  };
  const files = ['card.json', 'model.json', ...manifest.weightsManifest.flatMap((g) => g.paths)];
  return files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

async function waitForServer(url: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

async function measure(backend: string, executablePath: string | undefined) {
  const runs: Record<string, number>[] = [];
  let renderer: string | null = null;
  let browserVersion = '';
  for (let i = 0; i < samples; i++) {
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    browserVersion = browser.version();
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/bench.html?backend=${backend}`);
      await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 180_000 });
      const r = (await page.evaluate(() => window.__bench)) as Record<string, unknown>;
      if ('error' in r) throw new Error(`${backend}: ${String(r.error)}`);
      if (r.backend !== backend) throw new Error(`asked for ${backend}, the page ran on ${String(r.backend)}`);
      renderer = (r.renderer as string | null) ?? renderer;
      runs.push(Object.fromEntries(METRICS.map((m) => [m, r[m] as number])));
    } finally {
      await browser.close();
    }
  }
  const result = Object.fromEntries(METRICS.map((m) => [m, Math.round(median(runs.map((r) => r[m]!)) * 100) / 100]));
  return { result, renderer, browserVersion };
}

/** The app as a first visitor sees it, through a byte-counting proxy; medians of fresh browsers. */
async function measureApp(executablePath: string | undefined) {
  const proxy = await countingProxy(port);
  const appUrl = `http://127.0.0.1:${proxy.port}/`;
  const course = await linkingPage(appUrl);
  const runs: Awaited<ReturnType<typeof visit>>[] = [];
  const linked: Awaited<ReturnType<typeof visit>>[] = [];
  try {
    for (let i = 0; i < appSamples; i++) {
      for (const from of [undefined, course.url]) {
        const browser = await chromium.launch({ executablePath, args: chromiumArgs });
        try {
          if (from) linked.push(await visit(browser, appUrl, proxy, false, from));
          else runs.push(await visit(browser, appUrl, proxy, true));
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await course.close();
    await proxy.close();
  }
  type Visit = (typeof runs)[number];
  const m = (f: (r: Visit) => number | null, of = runs) => Math.round(med(of.map(f).filter((x): x is number => x !== null)) * 10) / 10;
  const byTime = (a: [string, number], b: [string, number]) => a[1] - b[1];
  const phasesOf = (of: Visit[]) =>
    Object.fromEntries([...new Set(of.flatMap((r) => Object.keys(r.phases)))].map((p) => [p, m((r) => r.phases[p] ?? null, of)] as [string, number]).sort(byTime));
  return {
    coldLoadToFirstDrawnMs: m((r) => r.coldLoadToFirstDrawnMs),
    // the same, reached by a link on another site's page (see README: where the time goes)
    coldLoadFromLinkMs: m((r) => r.coldLoadToFirstDrawnMs, linked),
    coldLoadFromLinkBreakdownMs: phasesOf(linked),
    firstVisitBytes: m((r) => r.firstVisitBytes),
    // both ways in: the page must not move on its own while it loads
    firstVisitLayoutShift: Math.round(med([...runs, ...linked].map((r) => r.layoutShift)) * 1000) / 1000,
    hoverRedrawMs: m((r) => r.hoverRedrawMs),
    hoverInputToFrameMs: m((r) => r.hoverInputToFrameMs),
    hoverSyntheticEventMs: m((r) => r.hoverSyntheticEventMs),
    blockSwitchMs: m((r) => r.blockSwitchMs),
    coldLoadBreakdownMs: phasesOf(runs),
    firstVisitFilesSentTwice: [...new Set(runs.flatMap((r) => r.duplicates))],
  };
}

function updateReadme(json: string) {
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const block = `<!-- bench:start -->\n\`\`\`json\n${json}\n\`\`\`\n<!-- bench:end -->`;
  const next = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block);
  if (next === readme && !readme.includes('<!-- bench:start -->')) throw new Error('README has no bench markers');
  writeFileSync(path, next);
}

async function main() {
  if (!args.has('--no-build') || !existsSync(join(dist, 'bench.html'))) {
    const b = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const server: ChildProcess = spawn(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, stdio: 'ignore' },
  );
  try {
    await waitForServer(`http://127.0.0.1:${port}/bench.html`);
    const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
    const webgl = await measure('webgl', executablePath);
    const wasm = await measure('wasm', executablePath);
    const app = await measureApp(executablePath);
    const cpu = cpus();
    const out = {
      webgl: { ...webgl.result, ...app },
      wasm: wasm.result,
      initialJsGzipBytes: initialJsGzipBytes(),
      modelBytes: modelBytes(),
      machine: {
        cpu: cpu[0]?.model ?? 'unknown',
        cores: cpu.length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        browser: `Chromium ${webgl.browserVersion}`,
        webglRenderer: webgl.renderer,
        node: process.version,
        date: new Date().toISOString().slice(0, 10),
      },
    };
    const json = JSON.stringify(out, null, 2);
    console.log(json);
    const targets = {
      'allTapsMs <= 1.3 x logitsOnlyMs': webgl.result.allTapsMs! <= 1.3 * webgl.result.logitsOnlyMs!,
      'rerunFromMiddleMs <= 0.6 x allTapsMs': webgl.result.rerunFromMiddleMs! <= 0.6 * webgl.result.allTapsMs!,
      'coldLoadToFirstDrawnMs <= 1400': app.coldLoadToFirstDrawnMs <= 1400,
      'coldLoadFromLinkMs <= 1400': app.coldLoadFromLinkMs <= 1400,
      'firstVisitBytes <= 2.5 MB': app.firstVisitBytes <= 2_500_000,
      'no file sent twice on a first visit': app.firstVisitFilesSentTwice.length === 0,
      'firstVisitLayoutShift <= 0.1': app.firstVisitLayoutShift <= 0.1,
      'hoverRedrawMs <= 16': app.hoverRedrawMs <= 16,
      'blockSwitchMs <= 100': app.blockSwitchMs <= 100,
    };
    console.error(`targets (webgl): ${JSON.stringify(targets)}`);
    if (args.has('--update-readme')) updateReadme(json);
  } finally {
    server.kill();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
