import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { encodePixels, parseShare } from '../compute/shareLink';
import { SECTIONS } from '../compute/lesson/sections';
import { initialPlayback } from '../compute/lesson/steps';
import type { AppStore } from './store';
import { linkOmissions } from './urlSync';
import { startApp } from './startup';

const SIZE = 4;
const card = {
  preprocessing: { inputSize: SIZE },
  architecture: { blocks: [0, 1, 2].map((index) => ({ index, id: `b${index}`, channels: 8, se: { hidden: 2, reduction: 4 } })) },
};

interface Fake {
  engineStatus: string;
  card: typeof card | null;
  mode: 'explore' | 'lesson';
  presenter: boolean;
  section: number;
  selectedBlock: number;
  playback: typeof initialPlayback;
  lessonChannel: number | null;
  pinned: { block: number; channel: number } | null;
  lang: 'en' | 'ko';
  input: { id: number; pixels: Uint8Array; size: number } | null;
  linkNotice: { code: string; detail: string } | null;
  opened: Uint8Array | null;
  focused: unknown[];
  applyFocus(f: unknown): void;
  selectBlock(i: number): void;
  setLessonChannel(c: number): void;
  setLinkNotice(n: { code: string; detail: string } | null): void;
  openPixels(p: Uint8Array): Promise<void>;
  examplesOpened: number;
  openFirstExample(): Promise<void>;
  overrides: string;
  applied: string[];
  overridesText(): string;
  applyOverridesText(t: string): { ok: boolean; dropped: number };
  defaultModel: string | null;
  numbers?: 'image' | 'example';
}

function fakeStore() {
  return createStore<Fake>()((set, get) => ({
    engineStatus: 'loading',
    card: null,
    mode: 'lesson',
    presenter: false,
    section: 2,
    selectedBlock: 0,
    playback: { ...initialPlayback, step: 3 },
    lessonChannel: null,
    pinned: null,
    lang: 'en',
    input: null,
    linkNotice: null,
    opened: null,
    focused: [],
    applyFocus: (f) => set((s) => ({ focused: [...s.focused, f] })),
    selectBlock: (i) => set({ selectedBlock: i, lessonChannel: null }),
    setLessonChannel: (c) => set({ lessonChannel: c }),
    setLinkNotice: (n) => set({ linkNotice: n }),
    openPixels: async (p) => set({ opened: p, input: { id: 7, pixels: p, size: SIZE } }),
    examplesOpened: 0,
    openFirstExample: async () => set((s) => ({ examplesOpened: s.examplesOpened + 1 })),
    overrides: '',
    applied: [],
    overridesText: () => get().overrides,
    applyOverridesText: (t) => (set((s) => ({ applied: [...s.applied, t], overrides: t })), { ok: true, dropped: 0 }),
    defaultModel: null,
  }));
}

function fakeLocation(search: string) {
  const loc = { search, pathname: '/app/', hash: '' };
  const history = {
    state: null,
    calls: 0,
    replaceState(_s: unknown, _t: string, url: string) {
      this.calls++;
      loc.search = url.slice(loc.pathname.length);
    },
  };
  return { loc, history };
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
/** Polls until the expectations hold: decoding and the debounced writes are asynchronous, and a
 * fixed sleep can be outlasted on a loaded machine. */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 20 });
const pixels = Uint8Array.from({ length: SIZE * SIZE * 3 }, (_, i) => (i * 29) & 255);

describe('address bar sync', () => {
  it('waits for the model, then restores block, channel and the exact image, then writes the state', async () => {
    const img = await encodePixels(pixels, SIZE);
    const { loc, history } = fakeLocation(`?debug=1&view=lesson&sec=3&block=2&step=4&ch=5&img=${img}`);
    const store = fakeStore();
    startApp(store as unknown as AppStore, parseShare(loc.search), { location: loc, history, debounceMs: 5 });
    await tick();
    expect(history.calls).toBe(0); // nothing is written while the model loads
    store.setState({ engineStatus: 'ready', card });
    await eventually(() => {
      const s = store.getState();
      expect(s.selectedBlock).toBe(2);
      expect(s.lessonChannel).toBe(5);
      expect(s.opened).toEqual(pixels);
      expect(s.linkNotice).toBeNull();
      const q = new URLSearchParams(loc.search);
      expect(q.get('debug')).toBe('1');
      expect(q.get('img')).toBe(img);
      expect(q.get('block')).toBe('2');
      expect(q.get('ch')).toBe('5');
      // the section's focus, less the block, step and channel the link names itself
      expect(s.focused).toEqual([{ panel: 's' }]);
    });
    // later changes are written (debounced)
    store.setState({ lang: 'ko', section: 4 });
    await eventually(() => {
      expect(new URLSearchParams(loc.search).get('lang')).toBe('ko');
      expect(new URLSearchParams(loc.search).get('sec')).toBe('5');
    });
  });

  it('the worked example’s numbers are written to the link and back', async () => {
    const { loc, history } = fakeLocation('?view=lesson&sec=2');
    const store = fakeStore();
    startApp(store as unknown as AppStore, parseShare(loc.search), { location: loc, history, debounceMs: 5 });
    store.setState({ engineStatus: 'ready', card });
    await eventually(() => expect(new URLSearchParams(loc.search).get('sec')).toBe('2'));
    store.setState({ numbers: 'example' });
    await eventually(() => expect(new URLSearchParams(loc.search).get('nums')).toBe('ex'));
    store.setState({ numbers: 'image' });
    await eventually(() => expect(loc.search).not.toContain('nums'));
  });

  it('a lesson link without block, step or channel gets the section\'s whole focus; an explorer link none', async () => {
    const { loc, history } = fakeLocation('?view=lesson&sec=3');
    const store = fakeStore();
    startApp(store as unknown as AppStore, parseShare(loc.search), { location: loc, history, debounceMs: 5 });
    store.setState({ engineStatus: 'ready', card });
    await eventually(() => expect(store.getState().focused).toEqual([SECTIONS[2]!.focus]));

    const other = fakeLocation('?sec=3');
    const explore = fakeStore();
    explore.setState({ mode: 'explore' });
    startApp(explore as unknown as AppStore, parseShare(other.loc.search), { location: other.loc, history: other.history, debounceMs: 5 });
    explore.setState({ engineStatus: 'ready', card });
    await eventually(() => expect(other.history.calls).toBeGreaterThan(0));
    expect(explore.getState().focused).toEqual([]);
  });

  it('a damaged image and out-of-range values give a notice and are dropped', async () => {
    const { loc, history } = fakeLocation('?block=9&ch=99&img=z4.AAAAdamaged');
    const store = fakeStore();
    store.setState({ engineStatus: 'ready', card });
    startApp(store as unknown as AppStore, parseShare(loc.search), { location: loc, history, debounceMs: 5 });
    await eventually(() => {
        const s = store.getState();
        expect(s.opened).toBeNull();
        expect(s.linkNotice?.code).toBe('image');
        expect(s.selectedBlock).toBe(0);
        const q = new URLSearchParams(loc.search);
        expect(q.get('block')).toBe('0');
        expect(q.has('img')).toBe(false);
        expect(q.has('ch')).toBe(false);
    });
  });

  it('a link without an image opens the first example; a link with one does not', async () => {
    const plain = fakeLocation('?block=1');
    const store = fakeStore();
    startApp(store as unknown as AppStore, parseShare(plain.loc.search), { location: plain.loc, history: plain.history, debounceMs: 5 });
    store.setState({ engineStatus: 'ready', card });
    await eventually(() => expect(store.getState().examplesOpened).toBe(1));

    const img = await encodePixels(pixels, SIZE);
    const withImage = fakeLocation(`?img=${img}`);
    const other = fakeStore();
    startApp(other as unknown as AppStore, parseShare(withImage.loc.search), { location: withImage.loc, history: withImage.history, debounceMs: 5 });
    other.setState({ engineStatus: 'ready', card });
    await eventually(() => expect(other.getState().opened).toEqual(pixels));
    expect(other.getState().examplesOpened).toBe(0);
  });

  it('an image too big for a link stays out of the address bar, and the app can say so', async () => {
    const { loc, history } = fakeLocation('?block=1');
    const store = fakeStore();
    startApp(store as unknown as AppStore, parseShare(loc.search), { location: loc, history, debounceMs: 5 });
    store.setState({ engineStatus: 'ready', card });
    let x = 7;
    const big = 96;
    const noise = Uint8Array.from({ length: big * big * 3 }, () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24);
    store.setState({ input: { id: 11, pixels: noise, size: big }, selectedBlock: 2 });
    await eventually(() => {
      expect(new URLSearchParams(loc.search).get('block')).toBe('2');
      expect(linkOmissions()).toEqual(['img']);
    });
    expect(loc.search.length).toBeLessThan(6000);
    expect(new URLSearchParams(loc.search).has('img')).toBe(false);
    // a small image fits again
    store.setState({ input: { id: 12, pixels, size: SIZE } });
    await eventually(() => expect(new URLSearchParams(loc.search).has('img')).toBe(true));
    expect(linkOmissions()).toEqual([]);
  });

  it('malformed parameters are named', async () => {
    const { loc, history } = fakeLocation('?lang=fr&block=x');
    const store = fakeStore();
    store.setState({ engineStatus: 'ready', card });
    startApp(store as unknown as AppStore, parseShare(loc.search), { location: loc, history, debounceMs: 5 });
    await tick();
    expect(store.getState().linkNotice).toEqual({ code: 'params', detail: 'block, lang' });
  });

  it('the overrides of a link reach the experiments once the model is ready, and are written back', async () => {
    const { loc, history } = fakeLocation('?o=3o_5.12-500');
    const store = fakeStore();
    startApp(store as unknown as AppStore, parseShare(loc.search), { location: loc, history, debounceMs: 5 });
    await tick();
    expect(store.getState().applied).toEqual([]); // not before the model is there
    store.setState({ engineStatus: 'ready', card });
    await eventually(() => {
      expect(store.getState().applied).toEqual(['3o_5.12-500']);
      expect(new URLSearchParams(loc.search).get('o')).toBe('3o_5.12-500');
    });
    store.setState({ overrides: '1o' }); // the key includes the overrides text
    await eventually(() => expect(new URLSearchParams(loc.search).get('o')).toBe('1o'));
  });
});
