/**
 * Presenter mode at 1280×720, one slide: at every step the animation, the step controls and the
 * formula panel with the current formula are in view above the mode bar (no scrolling), the
 * animation at least 640 px wide, its column labels and the current formula at least 22 px.
 */
import { expect, type Page } from '@playwright/test';

export async function expectPresenterSlideFits(page: Page) {
  const inView = async (testId: string | null, selector?: string) => {
    const box = await (testId ? page.getByTestId(testId) : page.locator(selector!)).boundingBox();
    expect(box, testId ?? selector).not.toBeNull();
    return box!;
  };
  const bar = await inView('mode-bar');
  for (let k = 0; k < 6; k++) {
    await page.getByTestId('anim-step-tab').nth(k).click();
    await page.mouse.move(600, 400 + k);
    for (const [id, sel] of [['anim-step'], ['formula-panel'], [null, '.formula-row.active'], [null, '.stage-controls']] as const) {
      const b = await inView(id, sel);
      expect(b.y, `${id ?? sel} top at step ${k + 1}`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `${id ?? sel} right edge at step ${k + 1}`).toBeLessThanOrEqual(1280);
      expect(b.y + b.height, `${id ?? sel} bottom at step ${k + 1}`).toBeLessThanOrEqual(bar.y);
    }
    // the animation is the slide's widest part, its column labels and the current formula
    // readable from the back of a room (≥ 22 px)
    const sizes = await page.evaluate(() => {
      const scene = document.querySelector('.step-scene')!.getBoundingClientRect();
      // the drawing is the viewBox fitted into the element (the slide gives it the height left)
      const vb = (document.querySelector('.step-scene') as SVGSVGElement).viewBox.baseVal;
      const scale = Math.min(scene.width / vb.width, scene.height / vb.height);
      const labels = Array.from(document.querySelectorAll('.step-col-label')).filter((t) => getComputedStyle(t).display !== 'none');
      return {
        width: vb.width * scale,
        smallestLabel: Math.min(...labels.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)),
        formula: parseFloat(getComputedStyle(document.querySelector('.formula-row.active .katex')!).fontSize),
      };
    });
    expect(sizes.width, `animation width at step ${k + 1}`).toBeGreaterThanOrEqual(640);
    expect(sizes.smallestLabel, `label size at step ${k + 1}`).toBeGreaterThanOrEqual(22);
    expect(sizes.formula, `formula size at step ${k + 1}`).toBeGreaterThanOrEqual(22);
  }
  expect(await page.evaluate(() => window.scrollY)).toBe(0); // the explorer lies below the slide; the slide is not scrolled
}
