// The in-page half of `npm run bench`: loads the model on the backend named in ?backend=,
// times the passes the targets are about and leaves the medians in window.__bench.
import type { BackendName } from '../model/backend';
import { createEngine } from '../model/engine';
import type { Overrides } from '../types/forward';
import { seBlockIndices } from '../compute/cardFacts';

const params = new URLSearchParams(location.search);
const backend = (params.get('backend') ?? 'webgl') as BackendName;
const repeats = Number(params.get('repeats') ?? 30);
const out = document.getElementById('out')!;

declare global {
  interface Window {
    __bench?: Record<string, unknown> | { error: string };
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function time(fn: () => Promise<unknown>, n = repeats): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return Math.round(median(samples) * 100) / 100;
}

async function main() {
  const engine = await createEngine({ modelsUrl: './models/', backend });
  const size = engine.card.architecture.inputSize;
  // a deterministic, image-like input (smooth colour ramps plus a little texture)
  const pixels = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      for (let c = 0; c < 3; c++)
        pixels[(y * size + x) * 3 + c] = (x * 7 + y * 5 * (c + 1) + ((x * y) % 13) * 9) % 256;
  // time from navigation start to the first prediction of a real image (cold load: the
  // bench script opens each page in a fresh browser context)
  await engine.classify(pixels, undefined, 'none');
  const coldLoadToFirstPredictionMs = Math.round(performance.now());

  const blocks = seBlockIndices(engine.card);
  const first = blocks[0]!;
  const middle = blocks[Math.floor(blocks.length / 2)]!;
  const last = blocks[blocks.length - 1]!;
  const rerun = (k: number) => {
    // alternate between two override sets so every re-run really changes block k
    let flip = false;
    return async () => {
      flip = !flip;
      const o: Overrides = { [k]: { channels: { 0: flip ? 0 : 1 } } };
      return engine.rerunFrom(k, o);
    };
  };
  // warm every path once, then measure
  await engine.classify(pixels, undefined, 'all');
  for (const k of [first, middle, last]) {
    await engine.classify(pixels, undefined, 'none');
    await rerun(k)();
  }
  await engine.classify(pixels, undefined, 'all');
  const logitsOnlyMs = await time(() => engine.classify(pixels, undefined, 'none'));
  const allTapsMs = await time(() => engine.classify(pixels, undefined, 'all'));
  // each series starts from a pass without overrides, so only block k's override differs
  const series = async (k: number) => {
    await engine.classify(pixels, undefined, 'none');
    return time(rerun(k));
  };
  const rerunFromFirstMs = await series(first);
  const rerunFromMiddleMs = await series(middle);
  const rerunFromLastMs = await series(last);
  const result = {
    backend: engine.activeBackend(),
    renderer: engine.backend.renderer,
    logitsOnlyMs,
    allTapsMs,
    rerunFromFirstMs,
    rerunFromMiddleMs,
    rerunFromLastMs,
    coldLoadToFirstPredictionMs,
    blocks: { first, middle, last },
    repeats,
    numTensors: engine.numTensors(),
  };
  window.__bench = result;
  out.textContent = JSON.stringify(result, null, 2);
}

main().catch((e: unknown) => {
  window.__bench = { error: e instanceof Error ? e.message : String(e) };
  out.textContent = String(e);
});
