import { expect, test } from '@playwright/test';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';

test('no tensors leak over 20 uploads (and block switching)', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await uploadAndPredict(page, 'first.png', pngBytes(48, 48, scene(0)));
  const baseline = await debug(page, (d) => d.numTensors());
  expect(baseline).toBeGreaterThan(0);
  for (let i = 1; i <= 20; i++) {
    await uploadAndPredict(page, `img${i}.png`, pngBytes(40 + i, 36 + 2 * i, scene(i)));
    if (i % 5 === 0) await page.getByTestId(`block-${i % 9}`).click().catch(() => {});
  }
  expect(await debug(page, (d) => d.numTensors())).toBe(baseline);
  expect(await debug(page, (d) => d.backend())).toBe('webgl');
});

test('no tensors leak over 20 model switches (SE ↔ plain, the image re-run each time)', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await uploadAndPredict(page, 'first.png', pngBytes(48, 48, scene(3)));
  const baseline = await debug(page, (d) => d.numTensors());
  const names = { 'resnet20-cifar10': 'ResNet-20', 'se-resnet20-cifar10': 'SE-ResNet-20' } as const;
  for (let i = 0; i < 20; i++) {
    const id = i % 2 === 0 ? 'resnet20-cifar10' : 'se-resnet20-cifar10';
    await page.getByTestId('model-picker').selectOption(id);
    await expect(page.getByTestId('model-name')).toHaveText(names[id]);
    await expect(page.getByTestId('top1')).toBeVisible();
  }
  // back on the SE model: the same tensors as before the first switch (old engines are disposed)
  await expect.poll(() => debug(page, (d) => d.numTensors())).toBe(baseline);
});
