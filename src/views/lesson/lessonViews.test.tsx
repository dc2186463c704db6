import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fakeTaps } from '../../compute/lesson/fixtures.test-util';
import { SECTIONS } from '../../compute/lesson/sections';
import { LAST_STEP } from '../../compute/lesson/steps';
import type { LessonLang } from '../../i18n/lesson';
import type { BlockSpec, ModelCard } from '../../types/card';
import cardJson from '../../../public/models/se-resnet20-cifar10/card.json';
import { FormulaPanel } from './FormulaPanel';
import { formulaOfStep, formulaTex } from './formulas';
import { keyAction } from './keyboard';
import { LessonPanel } from './LessonPanel';
import { sceneState } from './sceneState';
import { StepAnimation } from './StepAnimation';
import { StepControls } from './StepControls';

const card = cardJson as unknown as ModelCard;
const block: BlockSpec = { ...card.architecture.blocks[0]!, channels: 3, se: { reduction: 2, hidden: 2 } };
const noop = () => {};

const values = (html: string, testid: string) =>
  [...html.matchAll(new RegExp(`data-testid="${testid}"[^>]*?data-value="([^"]+)"`, 'g'))].map((m) => Number(m[1]));

describe('StepAnimation', () => {
  const taps = fakeTaps();
  const render = (step: number, progress = 1, lang: LessonLang = 'en') =>
    renderToStaticMarkup(<StepAnimation taps={taps} block={block} step={step} progress={progress} reducedMotion={false} lang={lang} highlight={1} />);

  it('exposes the step and shows the input maps first', () => {
    const html = render(0);
    expect(html).toContain('data-testid="anim-step"');
    expect(html).toMatch(/data-step="0"/);
    expect(html.match(/data-testid="anim-map"/g)).toHaveLength(3);
    expect(values(html, 'anim-z')).toEqual([]);
  });
  it('after the squeeze the z cells carry the tapped values', () => {
    expect(values(render(1), 'anim-z')).toEqual(Array.from(taps.z!));
  });
  it('FC1 marks the clipped hidden units', () => {
    const html = render(2);
    expect(html).toMatch(/data-testid="anim-h" data-unit="0" data-value="0" data-clipped="true"/);
    expect(html).toMatch(/data-testid="anim-h" data-unit="1" data-value="1.5" data-clipped="false"/);
  });
  it('FC1 with no hidden unit clipped says so instead of “0 of 2”', () => {
    const none = { ...taps, h: Float32Array.from([0.5, 1.5]) };
    for (const lang of ['en', 'ko'] as const) {
      const html = renderToStaticMarkup(<StepAnimation taps={none} block={block} step={2} progress={1} reducedMotion={false} lang={lang} />);
      expect(html).toContain(lang === 'en' ? 'the ReLU clipped none of them' : 'ReLU에 잘린 유닛이 하나도 없습니다');
      expect(html).not.toMatch(/0 of them|중 0개|0개는/);
    }
    expect(render(2, 1, 'ko')).toContain('그중 1개는 ReLU를 지나며 0이 되었습니다');
  });
  it('FC2 + sigmoid places every channel on the curve and shows s', () => {
    const html = render(3);
    expect(values(html, 'anim-s')).toEqual(Array.from(taps.s!));
    expect(html.match(/data-testid="anim-gate-point"/g)).toHaveLength(3);
  });
  it('reduced motion shows a step’s result, never an in-between frame', () => {
    const mid = renderToStaticMarkup(<StepAnimation taps={taps} block={block} step={1} progress={0.4} reducedMotion lang="en" />);
    expect(values(mid, 'anim-z')).toEqual(Array.from(taps.z!));
    expect(mid).not.toContain('anim-squeeze-flyers');
  });
  it('reads out the highlighted channel in Korean too', () => {
    const html = render(LAST_STEP, 1, 'ko');
    expect(html).toContain('data-testid="anim-readout" data-channel="1"');
    expect(html).toContain('채널 1');
  });
  it('says so for a block without SE', () => {
    const html = renderToStaticMarkup(
      <StepAnimation taps={{ ...taps, z: null, h: null, e: null, s: null, sModel: null }} block={block} step={3} progress={1} reducedMotion={false} lang="en" />,
    );
    expect(html).toContain('has no SE branch');
    expect(html).not.toContain('anim-sigmoid');
  });
});

describe('scene state', () => {
  it('reveals layers in order', () => {
    expect(sceneState(0, 1)).toMatchObject({ zColumn: 0, hNodes: 0, sColumn: 0, gridLabel: 'u' });
    expect(sceneState(2, 1)).toMatchObject({ zColumn: 1, hNodes: 1, eColumn: 0 });
    expect(sceneState(4, 1)).toMatchObject({ sColumn: 1, scaledLayer: 1, gridLabel: 'scaled' });
    expect(sceneState(5, 1)).toMatchObject({ outLayer: 1, gridLabel: 'out', badges: 0 });
  });
});

describe('StepControls', () => {
  it('labels its buttons and slider', () => {
    const html = renderToStaticMarkup(
      <StepControls step={2} progress={0.5} playing={false} speed={1} lang="en" onPrev={noop} onNext={noop} onFirst={noop} onLast={noop} onTogglePlay={noop} onSeek={noop} onSpeed={noop} />,
    );
    for (const label of ['Play', 'Previous step', 'Next step', 'First step', 'Last step', 'Position in the animation']) expect(html).toContain(`aria-label="${label}"`);
    expect(html).toContain('Step 3 of 6: FC1 + ReLU');
    expect(html).toContain('value="2.5"');
  });
});

describe('keyboard', () => {
  it('maps arrows, space, Home and End', () => {
    expect(keyAction({ key: 'ArrowLeft' })).toBe('prev');
    expect(keyAction({ key: 'ArrowRight', targetTag: 'DIV' })).toBe('next');
    expect(keyAction({ key: ' ' })).toBe('toggle');
    expect(keyAction({ key: 'Home' })).toBe('first');
    expect(keyAction({ key: 'End' })).toBe('last');
  });
  it('leaves text fields, selects, sliders and modified keys alone', () => {
    expect(keyAction({ key: 'ArrowLeft', targetTag: 'INPUT', targetType: 'text' })).toBeNull();
    expect(keyAction({ key: 'ArrowLeft', targetTag: 'INPUT', targetType: 'range' })).toBeNull();
    expect(keyAction({ key: ' ', targetTag: 'INPUT', targetType: 'range' })).toBe('toggle');
    expect(keyAction({ key: 'End', targetTag: 'SELECT' })).toBeNull();
    expect(keyAction({ key: ' ', targetTag: 'BUTTON' })).toBeNull();
    expect(keyAction({ key: 'ArrowRight', altKey: true })).toBeNull();
    expect(keyAction({ key: 'a' })).toBeNull();
  });
});

describe('FormulaPanel', () => {
  it('highlights the current step’s term', () => {
    expect(formulaOfStep(1)).toBe('squeeze');
    expect(formulaOfStep(3)).toBe('excite');
    expect(formulaTex('excite', 2)).toContain('\\colorbox{#ffe08a}{$\\displaystyle \\delta(');
    expect(formulaTex('excite', 0)).not.toContain('colorbox');
    const html = renderToStaticMarkup(<FormulaPanel step={4} lang="en" taps={fakeTaps()} channel={0} />);
    expect(html).toContain('data-active="scale"');
    expect(html).toContain('class="katex');
    expect(html).toContain('aria-current="step"');
    expect(html.match(/data-testid="formula-live"/g)).toHaveLength(4);
  });
});

describe('LessonPanel', () => {
  const taps = { ...fakeTaps(), index: 0 };
  for (const lang of ['en', 'ko'] as const) {
    it(`renders every section in ${lang} without raw keys`, () => {
      SECTIONS.forEach((s, i) => {
        const html = renderToStaticMarkup(
          <LessonPanel card={card} taps={taps} allBlocks={[taps, null]} section={i} lang={lang} onSection={noop} onFocus={noop} />,
        );
        expect(html).toContain(`data-testid="lesson-section" data-section="${i}" data-section-id="${s.id}"`);
        expect(html).not.toMatch(/>(why|squeeze|excite|excitation|scale|inst|instantiation|arch|architecture|cost|results|summary|sum|quiz|glossary|lesson|anim|controls|formula)\.[\w.-]+</);
        expect(html).not.toMatch(/\{\w+\}/);
      });
    });
  }
  it('shows the glossary box with the current section’s terms in both languages', () => {
    const squeeze = SECTIONS.findIndex((s) => s.id === 'squeeze');
    const ko = renderToStaticMarkup(<LessonPanel card={card} taps={taps} section={squeeze} lang="ko" onSection={noop} onFocus={noop} />);
    expect(ko).toContain('data-testid="lesson-glossary"');
    expect(ko).toMatch(/data-term="descriptor"><th scope="row" lang="ko">채널 기술자<\/th><td lang="en">channel descriptor/);
    const en = renderToStaticMarkup(<LessonPanel card={card} taps={taps} section={squeeze} lang="en" onSection={noop} onFocus={noop} />);
    expect(en).toMatch(/data-term="descriptor"><th scope="row" lang="en">channel descriptor<\/th><td lang="ko">채널 기술자/);
    expect(en).toContain('22.57% top-1 error with max pooling, 22.28% with average pooling');
  });
  it('results: the paper’s Table 2 (original, re-implementation, SENet, gain) and Table 4, no row mixing two recipes', () => {
    const results = SECTIONS.findIndex((s) => s.id === 'results');
    for (const lang of ['en', 'ko'] as const) {
      const html = renderToStaticMarkup(<LessonPanel card={card} taps={null} section={results} lang={lang} onSection={noop} onFocus={noop} />);
      const row = (table: string, network: string) => {
        const t = html.slice(html.indexOf(`data-testid="${table}"`));
        const r = t.slice(t.indexOf(`data-row="${network}"`));
        return [...r.slice(0, r.indexOf('</tr>')).matchAll(/<td[^>]*>([^<]*)/g)].map((m) => m[1]);
      };
      expect(row('results-table2', 'ResNet-50')).toEqual(['24.7 / 7.8', '24.80', '23.29', '+1.51', '7.48', '6.62', '+0.86']);
      expect(row('results-table2', 'ResNet-101')).toEqual(['23.6 / 7.1', '23.17', '22.38', '+0.79', '6.52', '6.07', '+0.45']);
      expect(row('results-table2', 'ResNet-152')).toEqual(['23.0 / 6.7', '22.42', '21.57', '+0.85', '6.34', '5.73', '+0.61']);
      expect(row('results-table2', 'VGG-16')).toEqual(['–', '27.02', '25.22', '+1.80', '8.81', '7.70', '+1.11']);
      expect(row('results-table4', 'ResNet-110')).toEqual(['6.37', '5.21', '+1.16']);
      expect(row('results-table4', 'WRN-16-8')).toEqual(['4.27', '3.88', '+0.39']);
      expect(row('results-table5', 'ResNet-110')).toEqual(['26.88', '23.85', '+3.03']);
      expect(row('results-table5', 'Shake-Even 29 2x4x64d + Cutout')).toEqual(['15.85', '15.41', '+0.44']);
      // Table 5's fourth network is not Table 4's
      const t5 = html.slice(html.indexOf('data-testid="results-table5"'), html.indexOf('</table>', html.indexOf('data-testid="results-table5"')));
      expect(t5).not.toContain('Shake-Shake');
      expect(html).not.toContain('data-row="in-50"');
      expect(html).not.toContain('76.15');
      expect(html).toContain('TPAMI 2019');
    }
  });
  it('results: ours run by run with their seeds, the difference paired by seed', () => {
    const results = SECTIONS.findIndex((s) => s.id === 'results');
    const run = (network: 'se' | 'plain', seed: number, testTop1: number | null, finished = true) => ({
      run: `${network}-s${seed}`, network, seed, finished, epochs: finished ? 200 : 50, plannedEpochs: 200, testTop1, trainingSeconds: null,
    });
    const seeds: ModelCard = {
      ...card,
      metrics: { ...card.metrics, plannedSeeds: 3, runs: [run('se', 0, 0.9356), run('plain', 0, 0.9343), run('se', 1, 0.934), run('plain', 1, 0.9351), run('se', 2, 0.9, false)] },
    };
    const html = renderToStaticMarkup(<LessonPanel card={seeds} taps={null} section={results} lang="en" onSection={noop} onFocus={noop} />);
    expect(html.match(/data-testid="results-ours-run"/g)).toHaveLength(5);
    expect(html).toContain('still training, epoch 50 of 200');
    // (0.13 + (−0.11)) / 2 = +0.01; sd of 0.13 and −0.11 = 0.17
    expect(html).toContain('paired by seed (2 seeds): +0.01 ± 0.17 points');
    expect(html).toContain('Finished: 2 SE and 2 plain runs of the 3 seeds planned');
  });
  it('cost and r: per-block SE parameters from the card, SE-ResNet-50 from Table 1, Table 10', () => {
    const cost = SECTIONS.findIndex((s) => s.id === 'cost');
    for (const lang of ['en', 'ko'] as const) {
      const html = renderToStaticMarkup(<LessonPanel card={card} taps={null} section={cost} lang={lang} onSection={noop} onFocus={noop} />);
      expect(html).toContain(`data-total="${card.complexity.paramsWithSE - card.complexity.paramsWithoutSE}"`);
      expect(html.match(/<tr data-block="/g)).toHaveLength(card.architecture.blocks.filter((b) => b.se).length);
      expect(html).toContain('data-testid="cost-r50-total" data-weights="2514944"');
      expect(html).toContain('2,514,944');
      expect(html).toContain('45.7 M');
      const r = card.architecture.seReduction;
      expect(html).toContain(lang === 'en' ? `Our model uses r = ${r}` : `우리 모델은 r = ${r}입니다`);
      // Section 4: time grows by more than the FLOPs (GPU training pass 190 → 209 ms, +10%; FLOPs +0.26%)
      expect(html).toContain(lang === 'en' ? '3.86 → 3.87 GFLOPs per 224×224 image, 0.26% more' : '3.86 → 3.87 GFLOPs로, 0.26% 늘어납니다');
      expect(html).toContain(lang === 'en' ? '190 → 209 ms (10% more)' : '190 → 209 ms(10% 증가)');
      expect(html).toContain(lang === 'en' ? '164 → 167 ms (1.8% more)' : '164 → 167 ms(1.8% 증가)');
    }
  });
  it('every teaching section asks its questions with the answers behind a reveal; the summary fits one list', () => {
    for (const lang of ['en', 'ko'] as const) {
      SECTIONS.forEach((s, i) => {
        const html = renderToStaticMarkup(<LessonPanel card={card} taps={null} section={i} lang={lang} onSection={noop} onFocus={noop} />);
        if (s.id === 'summary') {
          expect(html).not.toContain('data-testid="lesson-quiz"');
          expect(html.match(/<li data-line="summary\./g)).toHaveLength(7);
          expect(html).toContain('24.80% → 23.29%');
          expect(html).toContain(`+${(card.complexity.paramsWithSE - card.complexity.paramsWithoutSE).toLocaleString('en-US')}`);
          return;
        }
        const asked = html.match(/<li data-question="/g)?.length ?? 0;
        expect(asked, s.id).toBeGreaterThanOrEqual(3);
        expect(html.match(/<details><summary>[^<]+<\/summary><p data-testid="quiz-answer">/g)).toHaveLength(asked);
      });
    }
  });
  it('renders without taps', () => {
    const html = renderToStaticMarkup(<LessonPanel card={card} taps={null} section={0} lang="en" onSection={noop} onFocus={noop} />);
    expect(html).toContain('Classify an image');
  });
  it('results: ours from the card, honest when the baseline has no number', () => {
    const results = SECTIONS.findIndex((s) => s.id === 'results');
    const html = renderToStaticMarkup(<LessonPanel card={card} taps={null} section={results} lang="en" onSection={noop} onFocus={noop} />);
    // two decimals: 93.56% vs 93.43% differ by 0.13 points, as the quiz says (not 93.6 vs 93.4, “+0.1”)
    expect(html).toContain(`${(card.metrics.testTop1 * 100).toFixed(2)}%`);
    const b = card.metrics.baseline?.testTop1;
    if (b != null) {
      expect(html).toContain(`${(b * 100).toFixed(2)}%`);
      const g = (card.metrics.testTop1 - b) * 100;
      expect(html).toContain(`SE minus plain, seed 0: ${g > 0 ? '+' : ''}${g.toFixed(2)} points.`);
    }
    if (card.metrics.baseline?.testTop1 == null) expect(html).toContain('no number yet');
    const done: ModelCard = {
      ...card,
      interim: false,
      training: { ...card.training, epochs: 100, plannedEpochs: 100 },
      metrics: { ...card.metrics, runs: undefined, testTop1: 0.912, baseline: { ...card.metrics.baseline!, finished: true, testTop1: 0.905 } },
    };
    const final = renderToStaticMarkup(<LessonPanel card={done} taps={null} section={results} lang="ko" onSection={noop} onFocus={noop} />);
    expect(final).toContain('91.20%');
    expect(final).toContain('90.50%');
    expect(final).toContain('+0.70%p');
    expect(final).toContain('data-caveat="final"');
  });
});
