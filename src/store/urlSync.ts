/**
 * Keeps the address bar in step with the app (history.replaceState, debounced) and restores the
 * state of a shared link once the model is ready: view, presenter mode, section, block, step,
 * channel, language, the model, the input image itself, the experiments overrides, and whether
 * the lesson shows the worked example's numbers.
 *
 * The pure encoding lives in compute/shareLink; this module only touches `location`/`history`.
 */
import { decodePixels, encodePixels, fitShareSearch, MAX_LINK_CHARS, parseShare, type ShareParam, type ShareState } from '../compute/shareLink';
import { SECTIONS } from '../compute/lesson/sections';
import { focusForLink } from './lessonTransitions';
import type { AppStore, AppState } from './store';

let flusher: (() => Promise<void>) | null = null;

/** what the last link written had to leave out to stay under MAX_LINK_CHARS */
let omitted: ShareParam[] = [];

/** The parts of the current state the address bar cannot carry (too long for a link): [] or e.g. ['img']. */
export function linkOmissions(): readonly ShareParam[] {
  return omitted;
}

/** room for the scheme, host and port, which this module does not see */
const ORIGIN_ALLOWANCE = 256;

let markRestored: () => void = () => {};
const restored = new Promise<void>((r) => (markRestored = r));

/**
 * Resolves once the start-up image is classified: the link's image, else the model's first
 * example (or at once when there is neither).
 */
export function whenRestored(): Promise<void> {
  return restored;
}

/** After the next frame has been drawn (at once where there are no frames, as in unit tests). */
export function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

/** Writes the address bar now (e.g. before copying it); resolves when it is up to date. */
export function flushUrl(): Promise<void> {
  return flusher ? flusher() : Promise.resolve();
}

export interface UrlSyncOptions {
  debounceMs?: number;
  /**
   * Scheduled writes wait for this. Default: the frame after the start-up image is classified,
   * so that encoding that image into the link (~20-40 ms here) does not delay its first draw.
   */
  writesAfter?: Promise<unknown>;
  location?: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history?: Pick<History, 'replaceState' | 'state'>;
}

/** The share-relevant part of the state, as a string that changes when any of it changes. */
function shareKey(s: AppState): string {
  return JSON.stringify([
    s.mode,
    s.presenter,
    s.section,
    s.selectedBlock,
    s.mode === 'lesson' ? s.playback.step : null,
    channelOf(s),
    s.lang,
    s.input?.id ?? null,
    s.overridesText(),
    s.card?.id ?? null,
    s.defaultModel,
    s.numbers,
  ]);
}

/** The lesson's channel in the lesson; the pinned channel of the selected block in the explorer. */
function channelOf(s: AppState): number | null {
  if (s.mode === 'lesson') return s.lessonChannel;
  return s.pinned && s.pinned.block === s.selectedBlock ? s.pinned.channel : null;
}

export function startUrlSync(store: AppStore, link: ReturnType<typeof parseShare>, opts: UrlSyncOptions = {}) {
  const loc = opts.location ?? window.location;
  const hist = opts.history ?? window.history;
  const debounceMs = opts.debounceMs ?? 300;
  const writesAfter = opts.writesAfter ?? restored.then(afterNextFrame);
  const problems: string[] = [...link.problems];
  let restoring = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let encoded: { id: number; text: string } | null = null;
  let lastKey = '';

  /** the link's overrides go in once the model is there (so that they are fitted to it) */
  const applyLinkOverrides = () => {
    const text = link.state.overrides;
    if (!text) return;
    const r = store.getState().applyOverridesText(text);
    if (!r.ok || r.dropped > 0) note('o');
  };

  const note = (p: string) => {
    if (!problems.includes(p)) problems.push(p);
    store.getState().setLinkNotice({ code: 'params', detail: problems.join(', ') });
  };

  const write = async () => {
    timer = null;
    const s = store.getState();
    let image: string | null = null;
    if (s.input) {
      if (encoded?.id !== s.input.id) {
        const id = s.input.id;
        try {
          encoded = { id, text: await encodePixels(s.input.pixels, s.input.size) };
        } catch {
          encoded = { id, text: '' };
        }
        if (store.getState().input?.id !== id) return schedule(); // superseded meanwhile
      }
      image = encoded.text || null;
    }
    const cur = store.getState();
    const state: ShareState = {
      mode: cur.mode,
      presenter: cur.presenter,
      section: cur.section,
      block: cur.card ? cur.selectedBlock : null,
      step: cur.playback.step,
      channel: channelOf(cur),
      lang: cur.lang,
      image,
      overrides: cur.overridesText(),
      model: cur.card && cur.defaultModel && cur.card.id !== cur.defaultModel ? cur.card.id : null,
      numbers: cur.numbers,
    };
    const budget = MAX_LINK_CHARS - ORIGIN_ALLOWANCE - loc.pathname.length - loc.hash.length;
    const fitted = fitShareSearch(state, loc.search, budget);
    omitted = fitted.omitted;
    const search = fitted.search;
    if (search !== loc.search) hist.replaceState(hist.state, '', `${loc.pathname}${search}${loc.hash}`);
  };

  flusher = async () => {
    if (restoring) return;
    if (timer) clearTimeout(timer);
    await write();
  };

  function schedule() {
    if (restoring) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void writesAfter.then(write), debounceMs);
  }

  const restore = () => {
    const s = store.getState();
    const card = s.card!;
    const st = link.state;
    const blocks = card.architecture.blocks;
    if (st.block !== undefined && st.block !== null) {
      if (st.block < blocks.length) s.selectBlock(st.block);
      else problems.push('block');
    }
    if (st.channel !== undefined && st.channel !== null) {
      const C = blocks[store.getState().selectedBlock]?.channels ?? 0;
      if (st.channel < C) store.getState().setLessonChannel(st.channel);
      else problems.push('ch');
    }
    // an app that starts in the lesson shows the section's focus, less what the link names itself
    // (after the link's image is predicted, so that the focus can pick its channel there)
    const applySectionFocus = () => {
      const now = store.getState();
      if (now.mode === 'lesson') now.applyFocus(focusForLink(SECTIONS[now.section]!.focus, st));
    };
    if (st.model && st.model !== card.id) problems.push('model'); // not a model this app has
    applyLinkOverrides();
    if (problems.length) store.getState().setLinkNotice({ code: 'params', detail: problems.join(', ') });
    if (st.image) {
      const text = st.image;
      // keep the link's image in the address bar until it is decoded (or known to be bad)
      void decodePixels(text, card.preprocessing.inputSize).then((r) => {
        if (r.ok) {
          void store
            .getState()
            .openPixels(r.pixels, 'link', 'link')
            .then(() => {
              applySectionFocus();
              schedule();
              markRestored();
            });
          restoring = false;
          schedule();
        } else {
          store.getState().setLinkNotice({ code: 'image', detail: r.error });
          applySectionFocus();
          restoring = false;
          schedule();
          markRestored();
        }
      });
    } else {
      // no image in the link: the model's first example is classified without a click
      void store
        .getState()
        .openFirstExample()
        .then(() => {
          applySectionFocus();
          schedule();
          markRestored();
        });
      restoring = false;
      schedule();
    }
  };

  const ready = (s: AppState) => s.engineStatus === 'ready' && !!s.card;
  if (ready(store.getState())) restore();
  else {
    const un = store.subscribe((s) => {
      if (!ready(s)) return;
      un();
      restore();
    });
  }

  store.subscribe((s) => {
    const key = shareKey(s);
    if (key === lastKey) return;
    lastKey = key;
    schedule();
  });
}
