import { expect, test } from '@playwright/test';
import { openApp, pngBytes, scene, uploadAndPredict } from './helpers';

// Screenshots of the main states, for a person to look at (test-results/ is not committed).
const dir = 'test-results/screens';

for (const vp of [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`main states at ${vp.name} width`, async ({ page }) => {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await openApp(page);
    // a plain visit starts on the first example, classified
    await page.screenshot({ path: `${dir}/${vp.name}-start.png` });
    await uploadAndPredict(page, 'scene.png', pngBytes(120, 80, scene(5)));
    await page.screenshot({ path: `${dir}/${vp.name}-predicted.png` });
    await page.getByTestId('block-4').click();
    await page.getByTestId('u-cell').nth(3).hover();
    await expect(page.getByTestId('tooltip')).toBeVisible();
    await page.screenshot({ path: `${dir}/${vp.name}-inspector.png`, fullPage: true });
    await page.getByTestId('image-input').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: pngBytes(1, 1, () => [0, 0, 0]) });
    await expect(page.getByTestId('error')).toBeVisible();
    await page.getByTestId('lang-toggle').click();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${dir}/${vp.name}-error-ko.png`, fullPage: true });
    // the page never scrolls sideways
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
}
