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
