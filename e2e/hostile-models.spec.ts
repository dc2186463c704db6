import { expect, test } from '@playwright/test';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';
import { goodFolder, loadModelFolder, offsetOf, withWeights } from './modelFolders';

// issue 24: NaN weights loaded silently ("airplane NaN%", full-width bars, the card's accuracy
// quoted); all-zero weights gave 10.0% everywhere with no word

test('a folder with NaN weights is refused naming the tensor; nothing shows NaN; the running model stays', async ({ page }) => {
  const errors = await openApp(page);
  const before = await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(3)));
  await loadModelFolder(page, withWeights(goodFolder(), (w, specs) => (w[offsetOf(specs, 'blocks/2/se/fc1/kernel') + 5] = NaN)));
  const alert = page.getByTestId('model-load-error');
  await expect(alert).toContainText('blocks/2/se/fc1/kernel');
  await expect(alert).toContainText('NaN');
  await expect(page.getByTestId('prediction-nonfinite')).toHaveCount(0);
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', before.cls);
  expect(await debug(page, (d) => d.card().classes.length)).toBe(10);
  for (const id of ['top1', 'topk', 'model-line']) await expect(page.getByTestId(id)).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

test('a folder with all-zero weights is flagged: the same output for every image', async ({ page }) => {
  const errors = await openApp(page);
  await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(4)));
  await expect(page.getByTestId('model-warning')).toHaveCount(0);
  await loadModelFolder(page, withWeights(goodFolder(), (w) => w.fill(0)));
  await expect.poll(() => debug(page, (d) => d.card().classes.length)).toBe(4);
  await expect(page.getByTestId('model-warning')).toContainText('same outputs for every image');
  await expect(page.getByTestId('top1')).toHaveAttribute('data-prob', '0.25');
  await expect(page.locator('.prediction')).not.toContainText('NaN');
  // back on the shipped model the warning goes
  await page.getByTestId('remove-own-model').click();
  await expect.poll(() => debug(page, (d) => d.card().classes.length)).toBe(10);
  await expect(page.getByTestId('model-warning')).toHaveCount(0);
  expect(errors).toEqual([]);
});
