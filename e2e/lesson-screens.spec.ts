import { expect, test } from '@playwright/test';
import { expectPresenterSlideFits } from './presenterSlide';
import sharp from 'sharp';
import { openApp, pngBytes, scene, uploadAndPredict } from './helpers';

// Screenshots of every lesson section and of presenter mode, for a person to look at
// (test-results/ is not committed).
const dir = 'test-results/lesson-screens';

for (const lang of ['en', 'ko'] as const) {
  test(`lesson sections and presenter mode in ${lang} at 1280×720`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page, `&lang=${lang}`);
    await uploadAndPredict(page, 'scene.png', pngBytes(120, 80, scene(5)));
    await page.getByTestId('mode-lesson').click();
    await expect(page.getByTestId('anim-step')).toBeVisible();
    for (let i = 0; i < 9; i++) {
      await page.getByTestId('lesson-toc').nth(i).click();
      await expect(page.getByTestId('lesson-section')).toHaveAttribute('data-section', String(i));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${dir}/${lang}-section${i + 1}.png` });
    }
    await page.getByTestId('lesson-toc').nth(2).click();
    // the exports, saved for a look (the SVG is also rendered by librsvg, as a slide program would)
    for (const what of ['anim', 'inspector'] as const) {
      for (const format of ['png', 'svg'] as const) {
        await page.getByTestId('export-menu').evaluate((d) => ((d as HTMLDetailsElement).open = true));
        const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${what}-${format}`).click()]);
        const path = `${dir}/${lang}-export-${what}.${format}`;
        await dl.saveAs(path);
        if (format === 'svg') await sharp(path).png().toFile(`${path}.rsvg.png`);
      }
    }
    await page.getByTestId('export-menu').evaluate((d) => ((d as HTMLDetailsElement).open = false));
    await page.getByTestId('presenter-toggle').click();
    await expect(page.locator('html')).toHaveClass(/presenter/);
    await page.mouse.move(600, 400);
    await page.screenshot({ path: `${dir}/${lang}-presenter-chrome.png` });
    // one slide at 1280×720: the animation, the step controls and the formula panel with the
    // current formula are all in view, above the mode bar, at every step (no scrolling)
    await expectPresenterSlideFits(page);
    await page.screenshot({ path: `${dir}/${lang}-presenter-step6.png` });
    await expect(page.locator('html')).toHaveAttribute('data-idle', 'true', { timeout: 10_000 });
    await page.screenshot({ path: `${dir}/${lang}-presenter-idle.png` });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.screenshot({ path: `${dir}/${lang}-presenter-focus.png` });
  });
}

test('lesson view at phone width', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '&view=lesson&lang=ko');
  await uploadAndPredict(page, 'scene.png', pngBytes(120, 80, scene(5)));
  await expect(page.getByTestId('anim-step')).toBeVisible();
  await page.screenshot({ path: `${dir}/phone-lesson.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
