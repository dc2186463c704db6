/**
 * Keeps the address bar in step with the app (history.replaceState, debounced): view, presenter
 * mode, section, block, step, channel, language, the model, the input image itself, the
 * experiments overrides, and whether the lesson shows the worked example's numbers. Restoring a
 * shared link is start-up's work (./startup).
 *
 * The pure encoding lives in compute/shareLink; this module only touches `location`/`history`.
 */
import { encodePixels, fitShareSearch, MAX_LINK_CHARS, type ShareParam, type ShareState } from '../compute/shareLink';
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

/** Writes the address bar now (e.g. before copying it); resolves when it is up to date. */
export function flushUrl(): Promise<void> {
  return flusher ? flusher() : Promise.resolve();
}

export interface UrlSyncOptions {
  debounceMs?: number;
  /**
   * Scheduled writes wait for this (start-up passes the frame after the start-up image is
   * classified, so that encoding that image into the link, ~20-40 ms here, does not delay its
   * first draw).
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

/**
 * Starts keeping the address bar in step. Nothing is written until `begin()` (start-up calls it
 * once the link has been applied, so that a half-restored state never replaces the link).
 */
export function startUrlWriter(store: AppStore, opts: UrlSyncOptions = {}): { begin: () => void } {
  const loc = opts.location ?? window.location;
  const hist = opts.history ?? window.history;
  const debounceMs = opts.debounceMs ?? 300;
  const writesAfter = opts.writesAfter ?? Promise.resolve();
  let restoring = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let encoded: { id: number; text: string } | null = null;
  let lastKey = '';

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
    if (fitted.search !== loc.search) hist.replaceState(hist.state, '', `${loc.pathname}${fitted.search}${loc.hash}`);
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

  store.subscribe((s) => {
    const key = shareKey(s);
    if (key === lastKey) return;
    lastKey = key;
    schedule();
  });

  return {
    begin() {
      restoring = false;
      schedule();
    },
  };
}
