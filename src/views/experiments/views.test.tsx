/** Server-side renders of the experiments views: test ids, data attributes and both languages. */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ExcitationStats, ModelCard } from '../../types/card';
import type { BlockTaps, ForwardResult } from '../../types/forward';
import { IDLE_RANKING, rankingFinished, rankingProgress, rankingStarted } from '../../store/experimentsTransitions';
import { rankChannels } from '../../compute/channelRanking';
import { InterventionPanel } from './InterventionPanel';
import { ChannelRanking } from './ChannelRanking';
import { GateCompare } from './GateCompare';
import { PerClassAnalysis } from './PerClassAnalysis';
import { SeVsPlain } from './SeVsPlain';

// the shipped model's card and statistics (whatever checkpoint is exported now)
const cards = import.meta.glob<ModelCard>('../../../public/models/*/card.json', { eager: true, import: 'default' });
const allStats = import.meta.glob<ExcitationStats>('../../../public/models/*/excitation-stats.json', { eager: true, import: 'default' });
const cardPath = Object.keys(cards).find((k) => k.replace('card.json', 'excitation-stats.json') in allStats)!;
const card = cards[cardPath]!;
const stats = allStats[cardPath.replace('card.json', 'excitation-stats.json')]!;

function taps(b: number): BlockTaps {
  const spec = card.architecture.blocks[b]!;
  const C = spec.channels;
  const H = spec.outputSize;
  const e = Float32Array.from({ length: C }, (_, c) => Math.sin(c + b));
  const s = e.map((v) => 1 / (1 + Math.exp(-v)));
  const u = Float32Array.from({ length: H * H * C }, (_, i) => Math.cos(i));
  return { index: b, shape: [H, H, C], u, z: e, h: e.slice(0, spec.se!.hidden), e, sModel: s, s, scaled: u, out: u };
}
const probs = (top: number) => Float32Array.from({ length: 10 }, (_, k) => (k === top ? 0.55 : 0.05));
const result = (top: number): ForwardResult => ({ logits: probs(top), probs: probs(top), blocks: card.architecture.blocks.map((b) => taps(b.index)), fromBlock: 0, ms: 1 });
const noop = () => {};
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('experiments views', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`InterventionPanel (${lang}): sliders, switches and one delta row per class`, () => {
      const html = renderToStaticMarkup(
        <InterventionPanel
          lang={lang}
          card={card}
          block={3}
          overrides={{ 3: { channels: { 2: 0 } }, 0: { gate: 'off' } }}
          before={result(0)}
          after={result(4)}
          busy={false}
          shareUrl="http://x/?ov=0o_3.2-0"
          onSetChannel={noop}
          onZeroChannel={noop}
          onResetChannel={noop}
          onSetBlockSE={noop}
          onSetAllSE={noop}
          onSetGate={noop}
          onRemoveBlock={noop}
          onResetAll={noop}
        />,
      );
      expect(count(html, 'data-testid="override-slider"')).toBe(32);
      expect(count(html, 'data-testid="prob-delta"')).toBe(10);
      expect(html).toContain('data-testid="se-off-block"');
      expect(html).toContain('data-testid="se-off-all"');
      expect(html).toContain('data-testid="reset-overrides"');
      expect(html).toMatch(/data-testid="prob-delta" data-class="deer" data-before="0\.05\d*" data-after="0\.55\d*"/);
      expect(count(html, 'data-testid="remove-override"')).toBe(2);
      if (lang === 'ko') expect(html).toContain('개입 실험');
    });

    it(`ChannelRanking (${lang}): progress and rows`, () => {
      let r = rankingStarted(6, 64, 'a', '');
      r = rankingProgress(r, 3, rankChannels(probs(0), [probs(0), probs(1), probs(0)]), 0, 0.55);
      const html = renderToStaticMarkup(
        <ChannelRanking lang={lang} card={card} block={6} ranking={r} stale={false} topClass={0} canRun selectedChannel={1} onRun={noop} onCancel={noop} onSelect={noop} />,
      );
      expect(html).toMatch(/data-testid="ranking-progress"[^>]*data-done="3"/);
      expect(count(html, 'data-testid="ranking-row"')).toBe(3);
      expect(html).toMatch(/data-testid="ranking-row" data-channel="1" data-delta="-0\.5/);
      const done = renderToStaticMarkup(
        <ChannelRanking lang={lang} card={card} block={6} ranking={rankingFinished(r, 'done')} stale topClass={0} canRun selectedChannel={null} onRun={noop} onCancel={noop} onSelect={noop} />,
      );
      expect(done).toContain('ex-rk-list stale');
      const idle = renderToStaticMarkup(
        <ChannelRanking lang={lang} card={card} block={6} ranking={IDLE_RANKING} stale={false} topClass={0} canRun selectedChannel={null} onRun={noop} onCancel={noop} onSelect={noop} />,
      );
      expect(idle).not.toContain('ranking-progress');
      expect(idle).toContain('data-testid="ranking-run"');
    });

    it(`GateCompare (${lang}): both gates and the prediction with softmax`, () => {
      const html = renderToStaticMarkup(
        <GateCompare lang={lang} card={card} block={2} taps={taps(2)} gate="softmax" beforeProbs={probs(0)} afterProbs={probs(3)} otherInterventions={1} busy={false} onSetGate={noop} />,
      );
      expect(html).toContain('data-testid="gate-weights"');
      expect(html).toContain('data-testid="gate-maps"');
      expect(html).toMatch(/data-testid="gate-pred-after" data-top="cat"/);
      expect(html).toContain('data-testid="gate-undo"');
    });

    it(`PerClassAnalysis (${lang}): a series per class and the depth trend`, () => {
      const html = renderToStaticMarkup(<PerClassAnalysis lang={lang} card={card} stats={stats} block={8} currentS={taps(8).sModel} />);
      expect(count(html, 'data-testid="class-series"')).toBe(10);
      expect(html).toContain('data-class="airplane"');
      expect(html).toContain('data-testid="depth-trend"');
      expect(html).toContain('data-testid="current-series"');
      expect(html).toMatch(/data-testid="depth-ours" data-matches="(true|false)"/);
      if (lang === 'ko') expect(html).toContain('비행기');
      expect(renderToStaticMarkup(<PerClassAnalysis lang={lang} card={card} stats={null} block={8} currentS={null} />)).not.toContain('depth-trend');
    });

    it(`SeVsPlain (${lang}): honest about the baseline`, () => {
      const html = renderToStaticMarkup(<SeVsPlain lang={lang} card={card} />);
      // the paper's Table 4 (four networks), then three re-implementations
      expect(count(html, 'data-testid="published-row"')).toBe(7);
      expect(count(html, 'data-source="paperTable4"')).toBe(4);
      expect(html).toContain(lang === 'en' ? '6.37% error' : '오류율 6.37%');
      expect(html).toContain('SE-WRN-16-8');
      expect(html).toContain(lang === 'en' ? '1.16 points better' : '1.16%p 더 좋음');
      const missing = renderToStaticMarkup(<SeVsPlain lang={lang} card={{ ...card, metrics: { ...card.metrics, baseline: null } }} />);
      expect(missing).toContain('data-baseline="missing"');
    });

    it(`SeVsPlain (${lang}): every run of the recipe, and the spread only where two runs exist`, () => {
      const run = (network: 'se' | 'plain', seed: number, testTop1: number, finished = true) => ({
        run: `${network}${seed}`, network, seed, finished, epochs: 200, plannedEpochs: 200, testTop1, trainingSeconds: 1,
      });
      const withRuns = (runs: ReturnType<typeof run>[]) =>
        renderToStaticMarkup(<SeVsPlain lang={lang} card={{ ...card, metrics: { ...card.metrics, runs, plannedSeeds: 3 } }} />);
      const one = withRuns([run('se', 0, 0.925), run('plain', 0, 0.92)]);
      expect(count(one, 'data-testid="seed-run"')).toBe(2);
      expect(one).not.toContain(' ± ');
      expect(one).toContain(lang === 'en' ? 'of 3 planned per network' : '3번을 계획');
      const three = withRuns([run('se', 0, 0.925), run('se', 1, 0.93), run('se', 2, 0.935), run('plain', 0, 0.92), run('plain', 1, 0.92), run('plain', 2, 0.5, false)]);
      expect(three).toContain('data-se-runs="3" data-plain-runs="2"');
      // SE 93.00% ± 0.50; the difference is paired by seed (seeds 0 and 1): +0.75 ± 0.35 points
      expect(three).toContain('93.00% ± 0.50');
      expect(three).toContain('+0.75 ± 0.35');
      expect(count(three, lang === 'en' ? 'still training' : '학습 중')).toBe(1);
    });
  }
});
