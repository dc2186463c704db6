import { expect, test } from '@playwright/test';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';

test('when WebGL is unavailable the app falls back and shows a notice', async ({ page }) => {
  // a browser without WebGL: every WebGL context request fails
  await page.addInitScript(() => {
    for (const proto of [HTMLCanvasElement.prototype, globalThis.OffscreenCanvas?.prototype].filter(Boolean)) {
      const original = proto!.getContext as (this: unknown, type: string, ...rest: unknown[]) => unknown;
      Object.defineProperty(proto, 'getContext', {
        configurable: true,
        value(this: unknown, type: string, ...rest: unknown[]) {
          return /webgl/i.test(type) ? null : original.call(this, type, ...rest);
        },
      });
    }
  });
  await openApp(page);
  const notice = page.getByTestId('backend-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('webgl');
  const name = await debug(page, (d) => d.backend());
  expect(['wasm', 'cpu']).toContain(name);
  await expect(page.getByTestId('backend')).toHaveText(name);
  await uploadAndPredict(page, 'x.png', pngBytes(40, 40, scene(4)));
});
