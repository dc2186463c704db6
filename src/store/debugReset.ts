/**
 * `?debug=1` only: returns the app to the state of a plain visit without a reload, for the
 * end-to-end tests that share one warmed page (e2e/fixtures.ts): the default model, its first
 * example classified, no overrides, explorer mode (or the lesson as asked), English (or the
 * language asked), no block or channel selection, nothing in the recent images.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Lang } from '../i18n';
import type { AppMode, LessonNumbers } from '../compute/shareLink';
import { firstSeBlock } from '../compute/cardFacts';
import { initialLesson } from './lessonTransitions';
import { INITIAL_VIEW } from './slices/view';
import { INITIAL_INPUT } from './slices/input';
import { predictionIsCurrent } from './transitions';
import { flushUrl } from './urlSync';
import type { AppState } from './store';

export interface ResetTo {
  lang?: Lang;
  mode?: AppMode;
  presenter?: boolean;
  /** from 0 (a link counts from 1: sec=3 is section 2) */
  section?: number;
  numbers?: LessonNumbers;
}

export async function resetApp(store: StoreApi<AppState>, to: ResetTo = {}): Promise<void> {
  const st = () => store.getState();
  // the ranking lives in the inference session: forgotten there, not in the store's mirror of it
  await st().clearRanking();
  await st().exSettled();
  const model = st().defaultModel;
  if (model && st().modelId !== model) await st().switchModel(model);
  if (st().engineStatus !== 'ready') throw new Error(`reset: the model is ${st().engineStatus}`);

  // the first example is there already, as a plain visit shows it: no need to run it again
  const first = (await st().examplesReady)[0];
  const input = st().input;
  const asOpened = !!first && input?.source === 'example' && input.name === first.id && input.crop === INITIAL_INPUT.crop && st().crop === INITIAL_INPUT.crop && st().overridesText() === '' && predictionIsCurrent(st());

  st().setPresenter(false);
  st().setMode('explore');
  st().resetAll();
  st().dismissError();
  // each slice's own start values (mode, presenter and the language are set through actions)
  const { section, playback, lessonChannel, focusPanel, numbers } = initialLesson;
  const { hovered, pinned, domainMode, order } = INITIAL_VIEW;
  store.setState({
    section,
    playback,
    lessonChannel,
    focusPanel,
    numbers,
    linkNotice: null,
    hovered,
    pinned,
    domainMode,
    order,
    crop: INITIAL_INPUT.crop,
    twin: null,
    twinStatus: 'idle',
    twinError: null,
    ownModelError: null,
    ownModelNotice: null,
  });
  st().setLang(to.lang ?? 'en');
  await st().clearGallery();

  // the first example, classified, as a plain visit opens
  if (first && !asOpened) await st().openExample(first.id);
  await st().exSettled();
  for (let i = 0; i < 200 && !predictionIsCurrent(st()); i++) await new Promise((r) => setTimeout(r, 25));
  await st().clearGallery();
  const card = st().card;
  if (card) st().selectBlock(firstSeBlock(card));
  store.setState({ hovered: null, pinned: null, lessonChannel: null, focusPanel: null });

  if (to.numbers) st().setLessonNumbers(to.numbers);
  if (to.presenter) st().setPresenter(true);
  else if (to.mode) st().setMode(to.mode);
  if (to.section !== undefined) st().setSection(to.section);
  await flushUrl();
}
