/**
 * Start-up, in one place: the state a shared link (or the saved language) asks for before the
 * store exists, and, once the model is ready, the link's block, channel, overrides and image, or
 * else the model's first example, classified without a click. `whenRestored()` resolves when
 * that start-up image is classified; the address bar is written only from then on (./urlSync).
 */
import { decodePixels, type parseShare } from '../compute/shareLink';
import { SECTIONS } from '../compute/lesson/sections';
import type { Lang } from '../i18n';
import { focusForLink, initialLesson, linkApplied } from './lessonTransitions';
import { startUrlWriter, type UrlSyncOptions } from './urlSync';
import type { AppState, AppStore, InitialState } from './store';

type Link = ReturnType<typeof parseShare>;

let markRestored: () => void = () => {};
const restored = new Promise<void>((r) => (markRestored = r));

/** Resolves once the start-up image is classified: the link's image, else the model's first example. */
export function whenRestored(): Promise<void> {
  return restored;
}

/** After the next frame has been drawn (at once where there are no frames, as in unit tests). */
export function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

/** The store's first state from the link: the model, the language (else the saved or the browser's one), the lesson. */
export function initialState(link: Link, fallbackLang: () => Lang): InitialState {
  const st = link.state;
  return {
    modelId: st.model ?? null,
    lang: st.lang ?? fallbackLang(),
    ...linkApplied(initialLesson, { mode: st.mode, presenter: st.presenter, section: st.section, step: st.step ?? undefined, numbers: st.numbers }),
  };
}

/** Applies the link once the model is ready, opens the start-up image, and keeps the address bar in step. */
export function startApp(store: AppStore, link: Link, opts: UrlSyncOptions = {}): void {
  const writer = startUrlWriter(store, { ...opts, writesAfter: opts.writesAfter ?? restored.then(afterNextFrame) });
  const ready = (s: AppState) => s.engineStatus === 'ready' && !!s.card;
  if (ready(store.getState())) restore(store, link, writer.begin);
  else {
    const un = store.subscribe((s) => {
      if (!ready(s)) return;
      un();
      restore(store, link, writer.begin);
    });
  }
}

function restore(store: AppStore, link: Link, beginWrites: () => void) {
  const s = store.getState();
  const card = s.card!;
  const st = link.state;
  const problems: string[] = [...link.problems];
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
  if (st.model && st.model !== card.id) problems.push('model'); // not a model this app has
  // the link's overrides go in now that the model is there (so that they are fitted to it)
  if (st.overrides) {
    const r = store.getState().applyOverridesText(st.overrides);
    if (!r.ok || r.dropped > 0) problems.push('o');
  }
  if (problems.length) store.getState().setLinkNotice({ code: 'params', detail: problems.join(', ') });

  /** the start-up image is classified (or known to be bad): an app that starts in the lesson shows
   * the section's focus, less what the link names itself (after the image is predicted, so that
   * the focus can pick its channel there) */
  const done = () => {
    const now = store.getState();
    if (now.mode === 'lesson') now.applyFocus(focusForLink(SECTIONS[now.section]!.focus, st));
    beginWrites();
    markRestored();
  };
  if (!st.image) {
    // no image in the link: the model's first example is classified without a click
    void store.getState().openFirstExample().then(done);
    beginWrites();
    return;
  }
  // the link's image stays in the address bar until it is decoded (or known to be bad)
  void decodePixels(st.image, card.preprocessing.inputSize).then((r) => {
    if (!r.ok) {
      store.getState().setLinkNotice({ code: 'image', detail: r.error });
      return done();
    }
    void store.getState().openPixels(r.pixels, 'link', 'link').then(done);
    beginWrites();
  });
}
