import { expect, resetTo, test } from './fixtures';
import { expectPresenterSlideFits } from './presenterSlide';
import { pngBytes, scene, uploadAndPredict } from './helpers';

// The layout checks of the screenshot runs (e2e/screens.spec.ts, e2e/lesson-screens.spec.ts, in
// `npm run test:screens`), without the screenshots, in the default run, on a shared page: wasm, and
// WebGL for presenter mode (a forced wasm backend has a notice of its own, over the slide).

test('the page never scrolls sideways: the explorer at desktop and phone width (inspector, tooltip, an error, Korean), the lesson at phone width', async ({ wasm: { page } }) => {
  for (const vp of [
    { name: 'desktop', width: 1280, height: 720 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    await test.step(vp.name, async () => {
      await resetTo(page);
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await uploadAndPredict(page, 'scene.png', pngBytes(120, 80, scene(5)));
      await page.getByTestId('block-4').click();
      await page.getByTestId('u-cell').nth(3).hover();
      await expect(page.getByTestId('tooltip')).toBeVisible();
      await page.getByTestId('image-input').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: pngBytes(1, 1, () => [0, 0, 0]) });
      await expect(page.getByTestId('error')).toBeVisible();
      await page.getByTestId('lang-toggle').click();
      await page.mouse.move(0, 0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, vp.name).toBeLessThanOrEqual(1);
    });
  }
  await test.step('lesson at phone width', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 390, height: 844 });
    await resetTo(page, { mode: 'lesson', lang: 'ko' });
    await uploadAndPredict(page, 'scene.png', pngBytes(120, 80, scene(5)));
    await expect(page.getByTestId('anim-step')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

for (const lang of ['en', 'ko'] as const) {
  test(`presenter mode at 1280×720 in ${lang}: the animation, the step controls and the current formula stay in view above the mode bar at every step, readable from the back`, async ({ gl: { page } }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await resetTo(page, { lang });
    await uploadAndPredict(page, 'scene.png', pngBytes(120, 80, scene(5)));
    await page.getByTestId('mode-lesson').click();
    await expect(page.getByTestId('anim-step')).toBeVisible();
    await page.getByTestId('lesson-toc').nth(2).click();
    await expect(page.getByTestId('lesson-section')).toHaveAttribute('data-section', '2');
    await page.getByTestId('presenter-toggle').click();
    await expect(page.locator('html')).toHaveClass(/presenter/);
    await page.mouse.move(600, 400);
    await expectPresenterSlideFits(page);
    await expect(page.locator('html')).toHaveAttribute('data-idle', 'true', { timeout: 10_000 });
  });
}
