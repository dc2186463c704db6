import { expect, test, type Page } from '@playwright/test';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';

/** holds the model's weights back until `release()`: the load is never over before a test looks
 * (with warm caches it can be) */
async function holdWeights(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/weights\.bin$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('at phone width the first load’s progress is in view too (the inspector is far below there)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const release = await holdWeights(page);
  await page.goto('/');
  await expect(page.getByTestId('load-progress')).toBeInViewport();
  await expect(page.getByTestId('load-progress')).toContainText(/Loading the model/);
  release();
  await expect(page.getByTestId('top1')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
});

test('upload → prediction on WebGL, with load progress, backend and timing shown', async ({ page }) => {
  const release = await holdWeights(page);
  await page.goto('/?debug=1');
  // progress is visible while the model loads, in view without scrolling
  await expect(page.getByTestId('load-progress')).toBeInViewport();
  release();
  const errors = await openApp(page);
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  await expect(page.getByTestId('backend')).toHaveText('webgl');
  expect(await debug(page, (d) => d.backend())).toBe('webgl');
  await expect(page.getByTestId('renderer')).toContainText(/SwiftShader|ANGLE/i);
  // a plain visit starts on the first example (e2e/examples.spec.ts); an upload replaces it
  await expect(page.getByTestId('example').first()).toHaveAttribute('aria-pressed', 'true');

  const { cls, prob } = await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(3)));
  await expect(page.getByTestId('example').first()).toHaveAttribute('aria-pressed', 'false');
  const card = await debug(page, (d) => d.card());
  expect(card.classes.map((c) => c.key)).toContain(cls);
  expect(prob).toBeGreaterThan(0);
  expect(prob).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('topk').locator('li')).toHaveCount(Math.min(5, card.classes.length));
  await expect(page.getByTestId('inference-ms')).toHaveText(/\d+ ms/);
  // the input the network sees is shown at its real size (crisp upscaling in CSS)
  const size = card.architecture.inputSize;
  const canvas = page.getByTestId('network-input');
  await expect(canvas).toHaveAttribute('width', String(size));
  await expect(canvas).toHaveCSS('image-rendering', 'pixelated');
  expect(errors).toEqual([]);
});
