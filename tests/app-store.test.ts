/// <reference types="vite/client" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelCard, ModelIndex } from '../src/types/card';
import type { BlockTaps, ForwardResult } from '../src/types/forward';
import type { Engine } from '../src/model/engine';
import type { DecodedImage } from '../src/input/decode';
import type { GalleryItem, GalleryStore, NewGalleryItem } from '../src/input/gallery';
import { InputFailure } from '../src/input/errors';
import type { Example } from '../src/types/examples';
import { createAppStore, type Deps } from '../src/store/store';
import { predictionIsCurrent } from '../src/store/transitions';
import { startApp } from '../src/store/startup';
import { parseShare } from '../src/compute/shareLink';

const models = join(__dirname, '..', 'public', 'models');
const index = JSON.parse(readFileSync(join(models, 'index.json'), 'utf8')) as ModelIndex;
const card = JSON.parse(readFileSync(join(models, index.default, 'card.json'), 'utf8')) as ModelCard;
const shippedCard = card;
/** the plain twin at another input size: no SE block anywhere */
const plainCard = { ...card, id: 'plain-24', name: 'Plain-24', preprocessing: { ...card.preprocessing, inputSize: 24 }, architecture: { ...card.architecture, inputSize: 24, blocks: card.architecture.blocks.map((b) => ({ ...b, se: null })) } } as ModelCard;
const size = card.preprocessing.inputSize;

/** A stand-in engine: "probabilities" from the mean pixel, taps of the right shapes. */
function fakeEngine(delays: number[] = [], card: ModelCard = shippedCard): Engine & { calls: Uint8Array[]; changeBackend: (reason: string) => void; disposed: boolean } {
  const calls: Uint8Array[] = [];
  const listeners = new Set<(b: Engine['backend'], reason: string) => void>();
  const fake = {
    card,
    backend: { name: 'cpu', renderer: null, fallbacks: [] } as Engine['backend'],
    calls,
    async classify(pixels: ArrayLike<number>) {
      calls.push(Uint8Array.from(pixels));
      const d = delays.shift() ?? 0;
      if (d) await new Promise((r) => setTimeout(r, d));
      const mean = Array.from(pixels).reduce((a, b) => a + b, 0) / pixels.length;
      const n = card.classes.length;
      const probs = new Float32Array(n).fill(0.5 / (n - 1));
      probs[Math.floor(mean / 256 * n)] = 0.5;
      const blocks: BlockTaps[] = card.architecture.blocks.map((b) => {
        const C = b.channels;
        const hw = b.outputSize * b.outputSize;
        const t = new Float32Array(hw * C).fill(mean);
        const s = new Float32Array(C).fill(0.5);
        return { index: b.index, shape: [b.outputSize, b.outputSize, C], u: t, z: new Float32Array(C), h: new Float32Array(b.se?.hidden ?? 0), e: new Float32Array(C), sModel: s, s, scaled: t, out: t };
      });
      return { logits: probs, probs, blocks, fromBlock: 0, ms: 1 + d } satisfies ForwardResult;
    },
    update: () => Promise.reject(new Error('unused')),
    rerunFrom: () => Promise.reject(new Error('unused')),
    onBackendChange(l: (b: Engine['backend'], reason: string) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    changeBackend(reason: string) {
      for (const l of listeners) l({ name: 'wasm', renderer: null, fallbacks: [] }, reason);
    },
    loseWebGLContext: () => false,
    readJson: () => Promise.reject(new Error('no other files in this fake')),
    seWeights: [],
    numTensors: () => 0,
    activeBackend: () => 'cpu',
    disposed: false,
    dispose() {
      fake.disposed = true;
    },
  };
  return fake as Engine & typeof fake;
}

function solid(w: number, h: number, v: number, alpha = 255): DecodedImage {
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set([v, v, v, alpha], i * 4);
  return { rgba, width: w, height: h, originalWidth: w, originalHeight: h, format: 'png', orientation: 1, animated: false };
}

function memoryGallery(): GalleryStore {
  let items: GalleryItem[] = [];
  let id = 1;
  return {
    list: async () => items,
    add: async (it: NewGalleryItem) => {
      items = [{ ...it, id: id++ }, ...items.filter((x) => x.hash !== it.hash)];
      return items;
    },
    remove: async (i) => (items = items.filter((x) => x.id !== i)),
    clear: async () => (items = []),
  };
}

function setup(over: Partial<Deps> = {}, engine = fakeEngine()) {
  const deps: Deps = {
    createEngine: async (o) => {
      o.onProgress?.(0.5, 'model');
      return engine;
    },
    decodeImage: async () => solid(40, 20, 100),
    openGallery: async () => memoryGallery(),
    modelsUrl: '/models/',
    ...over,
  };
  return { store: createAppStore(deps), engine };
}

describe('app store', () => {
  it('loads the model and selects the first SE block', async () => {
    const { store } = setup();
    const p = store.getState().loadModel();
    expect(store.getState().engineStatus).toBe('loading');
    await p;
    const s = store.getState();
    expect(s.engineStatus).toBe('ready');
    expect(s.card?.id).toBe(card.id);
    expect(s.backend?.name).toBe('cpu');
    expect(card.architecture.blocks[s.selectedBlock]?.se).toBeTruthy();
  });

  it("start-up applies a link's block and channel on the model that just loaded (not the model's default view)", async () => {
    const { store } = setup();
    const search = '?block=4&ch=3';
    const loc = { search, pathname: '/', hash: '' };
    const history = { state: null, replaceState: () => {} };
    startApp(store, parseShare(search), { location: loc, history, debounceMs: 5 });
    await store.getState().loadModel();
    const s = store.getState();
    expect(s.selectedBlock).toBe(4);
    expect(s.lessonChannel).toBe(3);
    expect(s.pinned).toEqual({ block: 4, channel: 3 });
    expect(s.linkNotice).toBeNull();
  });

  it('reports a model that fails to load, and can retry', async () => {
    let fail = true;
    const { store } = setup({ createEngine: async () => (fail ? Promise.reject(new Error('404')) : fakeEngine()) });
    await store.getState().loadModel();
    expect(store.getState()).toMatchObject({ engineStatus: 'error', engineError: '404' });
    fail = false;
    await store.getState().loadModel();
    expect(store.getState().engineStatus).toBe('ready');
  });

  it('an image becomes the network input (size², composited, centre-cropped) and is classified', async () => {
    const { store, engine } = setup();
    await store.getState().loadModel();
    await store.getState().submitDecoded(solid(50, 30, 0, 0), 'clear.png', 'file'); // fully transparent
    const s = store.getState();
    expect(s.input?.pixels.length).toBe(size * size * 3);
    expect(Array.from(s.input!.pixels.subarray(0, 3))).toEqual([255, 255, 255]); // on white
    expect(engine.calls).toHaveLength(1);
    expect(predictionIsCurrent(s)).toBe(true);
  });

  it('a rejected file keeps the previous image and prediction', async () => {
    const { store } = setup({
      decodeImage: async (b) => {
        if ((b instanceof Blob ? b.size : b.byteLength) === 0) throw new InputFailure({ code: 'empty' });
        return solid(40, 40, 200);
      },
    });
    await store.getState().loadModel();
    await store.getState().submitBlob(new Blob([new Uint8Array(10)]), 'ok.png', 'file');
    const before = store.getState();
    await store.getState().submitBlob(new Blob([]), 'empty.png', 'file');
    const after = store.getState();
    expect(after.inputError).toEqual({ code: 'empty' });
    expect(after.input).toBe(before.input);
    expect(after.prediction).toBe(before.prediction);
    expect(predictionIsCurrent(after)).toBe(true);
  });

  it('an unexpected decoder exception is still a message, not a crash', async () => {
    const { store } = setup({ decodeImage: () => Promise.reject(new TypeError('boom')) });
    await store.getState().loadModel();
    await store.getState().submitBlob(new Blob([new Uint8Array(3)]), 'x', 'file');
    expect(store.getState().inputError?.code).toBe('corrupt');
  });

  it('only the newest image’s prediction is shown when passes overlap', async () => {
    const engine = fakeEngine([40, 0]);
    const { store } = setup({}, engine);
    await store.getState().loadModel();
    const first = store.getState().submitDecoded(solid(32, 32, 10), 'a', 'file');
    const second = store.getState().submitDecoded(solid(32, 32, 250), 'b', 'file');
    await Promise.all([first, second]);
    const s = store.getState();
    expect(s.input?.name).toBe('b');
    expect(s.prediction?.image).toBe(s.input?.id);
    expect(predictionIsCurrent(s)).toBe(true);
    // the first pass was already running; the second ran after it (never concurrently)
    expect(engine.calls.length).toBeLessThanOrEqual(2);
  });

  it('switching the crop policy re-runs the current image', async () => {
    const { store, engine } = setup();
    await store.getState().loadModel();
    const img = solid(64, 32, 0);
    // right half white: centre crop and letterbox see different pixels
    for (let y = 0; y < 32; y++) for (let x = 32; x < 64; x++) img.rgba.set([255, 255, 255, 255], (y * 64 + x) * 4);
    await store.getState().submitDecoded(img, 'half', 'file');
    const centre = store.getState().input!;
    store.getState().setCrop('fit');
    await new Promise((r) => setTimeout(r, 0));
    const fit = store.getState().input!;
    expect(fit.crop).toBe('fit');
    expect(fit.id).not.toBe(centre.id);
    expect(Array.from(fit.pixels)).not.toEqual(Array.from(centre.pixels));
    await new Promise((r) => setTimeout(r, 0));
    expect(engine.calls).toHaveLength(2);
  });

  it('an image chosen while the model loads runs once it is ready', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const engine = fakeEngine();
    const { store } = setup({ createEngine: async () => (await gate, engine) }, engine);
    const loading = store.getState().loadModel();
    await store.getState().submitDecoded(solid(32, 32, 90), 'early', 'file');
    expect(store.getState().input).toBeNull();
    release();
    await loading;
    expect(store.getState().input?.name).toBe('early');
    expect(predictionIsCurrent(store.getState())).toBe(true);
  });

  it('an image chosen while the model failed to load says it waits, and is classified after Retry', async () => {
    let fail = true;
    const { store } = setup({ createEngine: async () => (fail ? Promise.reject(new Error('offline')) : fakeEngine()) });
    await store.getState().loadModel();
    expect(store.getState().engineStatus).toBe('error');
    await store.getState().submitDecoded(solid(32, 32, 90), 'chosen.png', 'file');
    expect(store.getState()).toMatchObject({ input: null, waiting: 'chosen.png', decoding: false });
    fail = false;
    await store.getState().loadModel();
    expect(store.getState()).toMatchObject({ waiting: null });
    expect(store.getState().input?.name).toBe('chosen.png');
    expect(predictionIsCurrent(store.getState())).toBe(true);
  });

  describe('examples', () => {
    const examples: Example[] = [
      { id: 'set/cat-0001', url: 'https://x/cat.png', class: 'cat', dataset: 'D', split: 'test', number: 1 },
      { id: 'set/dog-0002', url: 'https://x/dog.png', class: 'dog', dataset: 'D', split: 'test', number: 2 },
    ];
    const withExamples = (over: Partial<Deps> = {}) =>
      setup({
        loadExamples: async () => examples,
        decodeExample: async (url) => solid(size, size, url.includes('cat') ? 10 : 200),
        ...over,
      });

    it('the first example opens without a click, is classified, and stays out of the recent images', async () => {
      const { store, engine } = withExamples();
      await store.getState().initGallery();
      await store.getState().loadModel();
      await store.getState().openFirstExample();
      const s = store.getState();
      expect(s.examples?.map((e) => e.id)).toEqual(examples.map((e) => e.id));
      expect(s.input).toMatchObject({ source: 'example', name: 'set/cat-0001' });
      expect(Array.from(s.input!.pixels.subarray(0, 3))).toEqual([10, 10, 10]);
      expect(engine.calls).toHaveLength(1);
      expect(predictionIsCurrent(s)).toBe(true);
      expect(s.gallery).toEqual([]);
      await store.getState().openExample('set/dog-0002');
      expect(store.getState().input).toMatchObject({ source: 'example', name: 'set/dog-0002' });
      expect(store.getState().gallery).toEqual([]);
    });

    it('the examples are known by the time the app hears the model is ready (as the link restore does)', async () => {
      const { store } = withExamples();
      let opened: Promise<void> | null = null;
      const un = store.subscribe((st) => {
        if (st.engineStatus === 'ready' && !opened) opened = st.openFirstExample();
      });
      await store.getState().loadModel();
      un();
      await opened;
      expect(store.getState().input).toMatchObject({ source: 'example', name: 'set/cat-0001' });
    });

    it('the first model’s card and examples are known before its weights (the first screen is drawn from them)', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const engine = fakeEngine();
      let looked = 0;
      const { store } = withExamples({
        loadExamples: async () => (looked++, examples),
        createEngine: async (o) => {
          o.onCard?.(engine.card);
          await gate;
          return engine;
        },
      });
      const loading = store.getState().loadModel();
      await Promise.resolve();
      await store.getState().examplesReady;
      expect(store.getState()).toMatchObject({ engineStatus: 'loading', card: null, loadingCard: { id: engine.card.id } });
      expect(store.getState().examples?.map((e) => e.id)).toEqual(examples.map((e) => e.id));
      release();
      await loading;
      expect(store.getState()).toMatchObject({ engineStatus: 'ready', loadingCard: null, card: { id: engine.card.id } });
      expect(looked).toBe(1); // the installed model's examples were not looked up again
    });

    it('a first load that fails forgets the card it read', async () => {
      const { store } = withExamples({
        createEngine: async (o) => {
          o.onCard?.(card);
          throw new Error('weights: HTTP 404');
        },
      });
      await store.getState().loadModel();
      expect(store.getState()).toMatchObject({ engineStatus: 'error', loadingCard: null });
    });

    it('an example decoded ahead of time (at start-up, while the model loads) is used as it is', async () => {
      const asked: string[] = [];
      const { store } = withExamples({
        decodeImage: async () => {
          throw new Error('decoded again');
        },
        decodeExample: async (url) => (asked.push(url), solid(size, size, url.includes('cat') ? 10 : 200)),
      });
      await store.getState().loadModel();
      await store.getState().openFirstExample();
      expect(asked).toEqual(['https://x/cat.png']);
      expect(store.getState().input).toMatchObject({ source: 'example', name: 'set/cat-0001' });
      expect(Array.from(store.getState().input!.pixels.subarray(0, 3))).toEqual([10, 10, 10]);
      expect(predictionIsCurrent(store.getState())).toBe(true);
    });

    it('an image the user chose first is not replaced by the first example', async () => {
      const { store } = withExamples();
      await store.getState().loadModel();
      await store.getState().submitDecoded(solid(40, 40, 50), 'mine.png', 'file');
      await store.getState().openFirstExample();
      expect(store.getState().input?.name).toBe('mine.png');
    });

    it('an image chosen while the example is read wins', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const { store } = withExamples({ decodeExample: async (url) => (await gate, solid(size, size, url.includes('cat') ? 10 : 200)) });
      await store.getState().loadModel();
      const opening = store.getState().openFirstExample();
      await store.getState().submitDecoded(solid(40, 40, 50), 'mine.png', 'file');
      release();
      await opening;
      expect(store.getState().input?.name).toBe('mine.png');
    });

    it('a model without examples has none and opens nothing; an unreadable example is a message', async () => {
      const none = setup({ loadExamples: async () => [] });
      await none.store.getState().loadModel();
      await none.store.getState().openFirstExample();
      expect(none.store.getState()).toMatchObject({ examples: [], input: null });

      const broken = withExamples({ decodeExample: async () => Promise.reject(new Error('HTTP 404')) });
      await broken.store.getState().loadModel();
      await broken.store.getState().openFirstExample();
      expect(broken.store.getState()).toMatchObject({ input: null, decoding: false, inputError: { code: 'example' } });
    });
  });

  it('keeps recent images in the gallery and reopens them', async () => {
    const { store } = setup();
    await store.getState().initGallery();
    await store.getState().loadModel();
    await store.getState().submitDecoded(solid(32, 32, 30), 'one', 'file');
    await store.getState().submitDecoded(solid(32, 32, 220), 'two', 'file');
    await new Promise((r) => setTimeout(r, 0));
    const g = store.getState().gallery;
    expect(g.map((x) => x.name)).toEqual(['two', 'one']);
    expect(g[0]!.pixels.length).toBe(size * size * 3);
    expect(g[0]!.thumb.w).toBeLessThanOrEqual(64);
    await store.getState().openGalleryItem(g[1]!.id);
    expect(store.getState().input).toMatchObject({ name: 'one', source: 'gallery', crop: null });
    await store.getState().deleteGalleryItem(g[1]!.id);
    expect(store.getState().gallery.map((x) => x.name)).toEqual(['two']);
  });

  it('degrades with a reason when IndexedDB is unavailable', async () => {
    const { store } = setup({ openGallery: () => Promise.reject(new Error('IndexedDB is not available')) });
    await store.getState().initGallery();
    expect(store.getState()).toMatchObject({ galleryStatus: 'unavailable', galleryReason: 'IndexedDB is not available' });
    await store.getState().loadModel();
    await store.getState().submitDecoded(solid(32, 32, 30), 'one', 'file');
    expect(predictionIsCurrent(store.getState())).toBe(true);
  });

  it('after the engine moved to another backend, the current image is classified again', async () => {
    const engine = fakeEngine();
    const { store } = setup({}, engine);
    await store.getState().loadModel();
    await store.getState().submitDecoded(solid(32, 32, 70), 'x', 'file');
    expect(engine.calls).toHaveLength(1);
    engine.changeBackend('the WebGL context was lost');
    expect(store.getState()).toMatchObject({ backend: { name: 'wasm' }, backendNote: 'the WebGL context was lost' });
    await new Promise((r) => setTimeout(r, 0));
    expect(engine.calls).toHaveLength(2);
    expect(predictionIsCurrent(store.getState())).toBe(true);
  });

  describe('switching models', () => {
    function twoModels(fail = false) {
      const created: ReturnType<typeof fakeEngine>[] = [];
      const { store } = setup({
        createEngine: async (o) => {
          if (o.modelId === 'plain-24' && fail) throw new Error('HTTP 404');
          const e = fakeEngine([], o.modelId === 'plain-24' ? plainCard : card);
          created.push(e);
          return e;
        },
      });
      return { store, created };
    }

    it('keeps the image, runs it at the new input size, fits the overrides and disposes the old engine', async () => {
      const { store, created } = twoModels();
      await store.getState().loadModel();
      await store.getState().submitDecoded(solid(48, 48, 90), 'mine.png', 'file');
      const firstSe = card.architecture.blocks.find((b) => b.se)!;
      store.getState().setBlockSE(firstSe.index, false);
      await store.getState().exSettled();
      await store.getState().switchModel('plain-24');
      const s = store.getState();
      expect(s.card?.id).toBe('plain-24');
      expect(s.input).toMatchObject({ name: 'mine.png', size: 24 });
      expect(s.input!.pixels.length).toBe(24 * 24 * 3);
      expect(s.prediction).toMatchObject({ model: 'plain-24', image: s.input!.id });
      expect(predictionIsCurrent(s)).toBe(true);
      // a plain model has nothing to intervene on: the override is dropped and counted
      expect(s.exOverrides).toEqual({});
      expect(s.overridesDropped).toBe(1);
      await store.getState().exSettled();
      expect(created[0]!.disposed).toBe(true);
      expect(created[1]!.disposed).toBe(false);
      // and back: the same image again, at the SE model's size
      await store.getState().switchModel(card.id);
      expect(store.getState().input).toMatchObject({ name: 'mine.png', size });
      expect(predictionIsCurrent(store.getState())).toBe(true);
    });

    it('a model that cannot be loaded leaves the current one running, with the reason', async () => {
      const { store, created } = twoModels(true);
      await store.getState().loadModel();
      await store.getState().submitDecoded(solid(48, 48, 90), 'mine.png', 'file');
      const before = store.getState().prediction;
      await store.getState().switchModel('plain-24');
      const s = store.getState();
      expect(s).toMatchObject({ engineStatus: 'ready', engineError: 'HTTP 404', modelId: card.id });
      expect(s.card?.id).toBe(card.id);
      expect(s.prediction).toBe(before);
      expect(created[0]!.disposed).toBe(false);
    });

    it('runs the current image through the twin (the plain model) too, and drops the twin on a model switch', async () => {
      const { store, created } = twoModels();
      const summaries = [card, plainCard].map((c) => ({ id: c.id, name: c.name, testTop1: null, parameters: null, seBlocks: c.architecture.blocks.filter((b) => b.se).length, classes: c.classes.length, inputSize: c.architecture.inputSize, origin: 'shipped' as const }));
      await store.getState().loadModel();
      await store.getState().submitDecoded(solid(48, 48, 90), 'mine.png', 'file');
      // another input size is not a twin; the same size is
      store.setState({ models: summaries });
      await store.getState().runTwin();
      expect(store.getState().twin).toBeNull();
      store.setState({ models: summaries.map((m) => ({ ...m, inputSize: size })) });
      await store.getState().runTwin();
      const s = store.getState();
      expect(s.twin).toMatchObject({ image: s.input!.id, card: { id: 'plain-24' } });
      expect(s.twin!.result.probs.length).toBe(card.classes.length);
      expect(s.card?.id).toBe(card.id); // the running model is untouched
      const twinEngine = s.twinEngine!;
      await store.getState().switchModel('plain-24');
      await store.getState().exSettled();
      expect(store.getState().twin).toBeNull();
      expect((twinEngine as unknown as { disposed: boolean }).disposed).toBe(true);
      expect(created.filter((e) => !e.disposed)).toEqual([store.getState().engine]);
    });

    it('twenty switches leave exactly one engine undisposed, and the last prediction is the last model’s', async () => {
      const { store, created } = twoModels();
      await store.getState().loadModel();
      await store.getState().submitDecoded(solid(48, 48, 90), 'mine.png', 'file');
      const runs: Promise<void>[] = [];
      for (let i = 0; i < 20; i++) runs.push(store.getState().switchModel(i % 2 ? card.id : 'plain-24'));
      await Promise.all(runs);
      await store.getState().exSettled();
      const s = store.getState();
      expect(created.filter((e) => !e.disposed)).toEqual([s.engine]);
      expect(s.prediction?.model).toBe(s.card?.id);
      expect(predictionIsCurrent(s)).toBe(true);
    });
  });

  it('selection, hover and pin actions', async () => {
    const { store } = setup();
    await store.getState().loadModel();
    store.getState().selectBlock(99);
    expect(store.getState().selectedBlock).toBe(card.architecture.blocks.length - 1);
    store.getState().togglePin({ block: store.getState().selectedBlock, channel: 2 });
    store.getState().hoverChannel({ block: store.getState().selectedBlock, channel: 3 });
    expect(store.getState().hovered?.channel).toBe(3);
    store.getState().selectBlock(0);
    expect(store.getState()).toMatchObject({ pinned: null, hovered: null });
  });
});
