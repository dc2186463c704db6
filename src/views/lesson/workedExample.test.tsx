import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BLOCK, EXAMPLE_TAPS } from '../../compute/lesson/workedExample';
import { FormulaPanel } from './FormulaPanel';
import { NumbersToggle } from './NumbersToggle';
import { StepAnimation } from './StepAnimation';
import { WorkedExample } from './WorkedExample';

const noop = () => {};
/** the figures of a MiniMatrix with that test id, as shown */
const figures = (html: string, testId: string) => {
  const start = html.indexOf(`data-testid="${testId}"`);
  const end = html.indexOf('</figure>', start);
  return [...html.slice(start, end).matchAll(/<td data-value="[^"]+">([^<]+)<\/td>/g)].map((m) => m[1]);
};

describe('WorkedExample', () => {
  const html = renderToStaticMarkup(<WorkedExample step={3} lang="en" />);
  it('shows every intermediate with its shape', () => {
    expect(figures(html, 'worked-z')).toEqual(['2', '1', '−1', '0']);
    expect(figures(html, 'worked-pre1')).toEqual(['1', '−1']);
    expect(figures(html, 'worked-h')).toEqual(['1', '0']);
    expect(figures(html, 'worked-e')).toEqual(['1', '−1', '0', '2']);
    expect(figures(html, 'worked-s')).toEqual(['0.73', '0.27', '0.50', '0.88']);
    for (const shape of ['z ∈ ℝ⁴', 'W₁ ∈ ℝ²ˣ⁴', 'W₂ ∈ ℝ⁴ˣ²', 'h ∈ ℝ²', 's ∈ ℝ⁴', 'U ∈ ℝ²ˣ²ˣ⁴', 'U·s ∈ ℝ²ˣ²ˣ⁴']) expect(html).toContain(shape);
    expect(html).toContain('ReLU sets the negative −1 to 0.');
  });
  it('shows U, U·s and the output as four 2×2 maps each', () => {
    for (const id of ['worked-u', 'worked-scaled', 'worked-out']) {
      const start = html.indexOf(`data-testid="${id}"`);
      const block = html.slice(start, html.indexOf('worked-shape', start));
      expect(block.match(/<figure/g)).toHaveLength(4);
      expect(block.match(/<tr>/g)).toHaveLength(8);
    }
  });
  it('marks the row of the animation’s step', () => {
    expect(html).toMatch(/aria-current="step" data-testid="worked-row" data-step="3"/);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
  });
  it('is in Korean too', () => {
    const ko = renderToStaticMarkup(<WorkedExample step={0} lang="ko" />);
    expect(ko).toContain('손계산 예제');
    expect(ko).toContain('스퀴즈: z_c는 맵 c의 평균');
    expect(ko).toContain('ReLU가 음수 값(−1)을 0으로 바꿉니다.');
  });
});

describe('example numbers in the step animation and the formulas', () => {
  it('the animation plays the example block’s numbers', () => {
    const html = renderToStaticMarkup(<StepAnimation taps={EXAMPLE_TAPS} block={EXAMPLE_BLOCK} step={3} progress={1} reducedMotion lang="en" highlight={1} />);
    const s = [...html.matchAll(/data-testid="anim-s"[^>]*?data-value="([^"]+)"/g)].map((m) => Number(m[1]).toFixed(2));
    expect(s).toEqual(['0.73', '0.27', '0.50', '0.88']);
    expect(html.match(/data-testid="anim-map"/g)).toHaveLength(4);
  });
  it('the formulas say the numbers are the example’s', () => {
    const html = renderToStaticMarkup(<FormulaPanel step={1} lang="en" taps={EXAMPLE_TAPS} channel={1} example />);
    expect(html).toContain('Channel 1 of the worked example:');
  });
  it('the toggle says which numbers are on', () => {
    const html = renderToStaticMarkup(<NumbersToggle numbers="example" lang="ko" onChange={noop} />);
    expect(html).toMatch(/aria-pressed="false"[^>]*data-testid="numbers-image"/);
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="numbers-example"/);
    expect(html).toContain('이 이미지');
  });
});
