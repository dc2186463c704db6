import { expect, test } from '@playwright/test';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';

for (const b of ['cpu', 'wasm'] as const) {
  test(`?backend=${b} forces the ${b} backend`, async ({ page }) => {
    await openApp(page, `&backend=${b}`);
    await expect(page.getByTestId('backend')).toHaveText(b);
    expect(await debug(page, (d) => d.backend())).toBe(b);
    await expect(page.getByTestId('backend-forced')).toBeVisible();
    await uploadAndPredict(page, 'x.png', pngBytes(40, 40, scene(9)));
  });
}

test('?backend=webgl with an unknown value is ignored safely', async ({ page }) => {
  await openApp(page, '&backend=quantum');
  await expect(page.getByTestId('backend')).toHaveText('webgl');
  await expect(page.getByTestId('backend-notice')).toHaveCount(0);
});
