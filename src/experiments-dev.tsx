/**
 * Development harness for the experiments views, outside the app shell (served by `npx vite`
 * at /experiments-dev.html). URL parameters: lang=en|ko, block=N, channel=N,
 * view=all|interventions|ranking|gates|perclass|sevsplain, pattern=stripes|rings|checker,
 * ov=<overrides text>, backend=webgl|wasm|cpu. `window.__exHarness` is the hook for e2e checks.
 */
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEngine, type Engine } from './model/engine';
import type { BackendName } from './model/backend';
import type { ExcitationStats } from './types/card';
import { createExperimentsSlice, useExperiments, type ExperimentsSlice } from './store/experiments';
import { countInterventions, rankingStale } from './store/experimentsTransitions';
import { deserialiseOverrides } from './compute/overridesCodec';
import { argmax } from './compute/channelRanking';
import type { ExLang } from './i18n/experiments';
import { InterventionPanel } from './views/experiments/InterventionPanel';
import { ChannelRanking } from './views/experiments/ChannelRanking';
import { GateCompare } from './views/experiments/GateCompare';
import { PerClassAnalysis } from './views/experiments/PerClassAnalysis';
import { SeVsPlain } from './views/experiments/SeVsPlain';
import { blockLabel } from './views/experiments/common';
import './styles.css';

const params = new URLSearchParams(location.search);
const view = params.get('view') ?? 'all';

interface HarnessState extends ExperimentsSlice {
  engine: Engine | null;
  lang: ExLang;
  block: number;
  channel: number | null;
  stats: ExcitationStats | null;
  bootError: string | null;
}
type HarnessStore = StoreApi<HarnessState>;

/** a colourful 32×32 test pattern (RGB 0..255, HWC) */
function pattern(kind: string, size = 32): Float32Array {
  const px = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const r = Math.hypot(x - size / 2, y - size / 2);
      const v = kind === 'rings' ? (Math.sin(r * 0.9) + 1) / 2 : kind === 'checker' ? ((x >> 2) + (y >> 2)) % 2 : (Math.sin(x * 0.7) + 1) / 2;
      px[i] = 255 * v;
      px[i + 1] = 255 * (y / size);
      px[i + 2] = 255 * (1 - v) * (x / size);
    }
  return px;
}

function makeStore(): HarnessStore {
  return createStore<HarnessState>()((set, get, api) => ({
    ...createExperimentsSlice<HarnessState>({ getEngine: (s) => s.engine })(set, get, api),
    engine: null,
    lang: params.get('lang') === 'ko' ? 'ko' : 'en',
    block: Number(params.get('block') ?? 3),
    channel: params.has('channel') ? Number(params.get('channel')) : null,
    stats: null,
    bootError: null,
  }));
}

function Views({ store }: { store: HarnessStore }) {
  const s = useExperiments(store, (x) => ({
    engine: x.engine,
    lang: x.lang,
    block: x.block,
    channel: x.channel,
    stats: x.stats,
    ov: x.exOverrides,
    before: x.exBefore,
    after: x.exAfter,
    busy: x.exBusy,
    error: x.exError,
    ranking: x.exRanking,
    imageKey: x.exImageKey,
  }));
  const a = store.getState();
  if (!s.engine) return null;
  const card = s.engine.card;
  const spec = card.architecture.blocks[s.block];
  const selectBlock = (b: number) => store.setState({ block: b, channel: null });
  const share = `${location.origin}${location.pathname}?ov=${a.overridesText()}`;
  const gate = s.ov[s.block]?.gate ?? 'sigmoid';
  const show = (v: string) => view === 'all' || view === v;
  return (
    <>
      {show('interventions') ? (
        <InterventionPanel
          lang={s.lang}
          card={card}
          block={s.block}
          overrides={s.ov}
          before={s.before}
          after={s.after}
          busy={s.busy}
          error={s.error}
          highlightChannel={s.channel}
          shareUrl={share}
          onSetChannel={a.setChannelWeight}
          onZeroChannel={a.zeroChannel}
          onResetChannel={a.resetChannel}
          onSetBlockSE={a.setBlockSE}
          onSetAllSE={a.setAllSE}
          onSetGate={a.setGate}
          onRemoveBlock={a.removeBlockOverride}
          onResetAll={a.resetAll}
          onSelectBlock={selectBlock}
        />
      ) : null}
      {show('ranking') ? (
        <ChannelRanking
          lang={s.lang}
          card={card}
          block={s.block}
          ranking={s.ranking}
          stale={rankingStale(s.ranking, s.imageKey, s.ov, s.block)}
          topClass={s.after ? argmax(s.after.probs) : null}
          canRun={!!s.before && !!spec?.se}
          selectedChannel={s.channel}
          onRun={() => void a.rankChannels(s.block)}
          onCancel={a.cancelRanking}
          onSelect={(c) => store.setState({ channel: c })}
        />
      ) : null}
      {show('gates') ? (
        <GateCompare
          lang={s.lang}
          card={card}
          block={s.block}
          taps={s.after?.blocks[s.block] ?? s.before?.blocks[s.block] ?? null}
          gate={gate}
          beforeProbs={s.before?.probs ?? null}
          afterProbs={s.after?.probs ?? null}
          otherInterventions={countInterventions(s.ov) - (gate === 'softmax' ? 1 : 0)}
          busy={s.busy}
          onSetGate={a.setGate}
        />
      ) : null}
      {show('perclass') ? (
        <PerClassAnalysis
          lang={s.lang}
          card={card}
          stats={s.stats}
          block={s.block}
          currentS={s.before?.blocks[s.block]?.sModel ?? null}
          highlightChannel={s.channel}
          onSelectBlock={selectBlock}
        />
      ) : null}
      {show('sevsplain') ? <SeVsPlain lang={s.lang} card={card} /> : null}
    </>
  );
}

/** Loads the engine once, outside React (StrictMode would otherwise start two). */
async function boot(store: HarnessStore) {
  try {
    const e = await createEngine({ modelsUrl: './models/', backend: (params.get('backend') as BackendName | null) ?? undefined });
    const pixels = pattern(params.get('pattern') ?? 'stripes');
    store.setState({ engine: e });
    const ov = params.get('ov');
    if (ov) store.getState().applyOverridesText(ov);
    await store.getState().exSetImage('pattern', pixels);
    const statsFile = e.card.files.excitationStats;
    if (statsFile) {
      const res = await fetch(`./models/${e.card.id}/${statsFile}`);
      if (res.ok) store.setState({ stats: (await res.json()) as ExcitationStats });
    }
    (window as unknown as Record<string, unknown>).__exHarness = {
      store,
      ready: true,
      pixels: Array.from(pixels),
      /** a direct full pass with the overrides given as link text, bypassing the slice */
      classify: async (text: string) => Array.from((await e.classify(pixels, deserialiseOverrides(text) ?? {}, 'none')).probs),
      state: () => {
        const st = store.getState();
        return { ov: st.overridesText(), before: Array.from(st.exBefore?.probs ?? []), after: Array.from(st.exAfter?.probs ?? []), busy: st.exBusy, afterKey: st.exAfterKey };
      },
      settled: () => store.getState().exSettled(),
      numTensors: () => e.numTensors(),
    };
  } catch (err) {
    store.setState({ bootError: String(err) });
  }
}

function Harness({ store }: { store: HarnessStore }) {
  const { engine, lang, block, error } = useExperiments(store, (x) => ({ engine: x.engine, lang: x.lang, block: x.block, error: x.bootError }));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (error) return <p role="alert">{error}</p>;
  if (!engine) return <p data-testid="harness-loading">Loading the model…</p>;
  const card = engine.card;
  return (
    <main className="ex-harness" style={{ display: 'flex', flexDirection: 'column', gap: '1rem', padding: '1rem', maxWidth: 1280, margin: '0 auto' }}>
      <div className="row wrap space">
        <h1>SE Explainer · experiments</h1>
        <div className="row wrap">
          <div className="segmented" role="group" aria-label="block">
            {card.architecture.blocks.map((b) => (
              <button key={b.index} type="button" className={b.index === block ? 'on' : undefined} aria-pressed={b.index === block} onClick={() => store.setState({ block: b.index, channel: null })} data-testid="harness-block">
                {blockLabel(card, b.index)}
              </button>
            ))}
          </div>
          <button type="button" onClick={() => store.setState({ lang: lang === 'en' ? 'ko' : 'en' })} data-testid="harness-lang">
            {lang === 'en' ? '한국어' : 'English'}
          </button>
        </div>
      </div>
      <Views store={store} />
    </main>
  );
}

const store = makeStore();
void boot(store);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness store={store} />
  </StrictMode>,
);
