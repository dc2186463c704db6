import { expect, test } from '@playwright/test';
import { debug, openApp, pngBytes, rejections, scene, top1, uploadAndPredict, watchRejections } from './helpers';

test('recent images survive a reload, reopen with the same input, and can be deleted', async ({ page }) => {
  await openApp(page, '&backend=wasm');
  await expect(page.getByTestId('gallery-item')).toHaveCount(0);
  await uploadAndPredict(page, 'a.png', pngBytes(50, 40, scene(1)));
  const pixelsA = await debug(page, (d) => d.inputPixels());
  const predA = await top1(page);
  await uploadAndPredict(page, 'b.png', pngBytes(50, 40, scene(2)));
  await expect(page.getByTestId('gallery-item')).toHaveCount(2);
  // the same image again is not stored twice
  await uploadAndPredict(page, 'b-again.png', pngBytes(50, 40, scene(2)));
  await expect(page.getByTestId('gallery-item')).toHaveCount(2);

  await page.reload();
  await openApp(page, '&backend=wasm');
  await expect(page.getByTestId('gallery-item')).toHaveCount(2);
  // newest first: a is second
  await page.getByTestId('gallery-item').nth(1).locator('button.thumb').click();
  // (the page starts on the first example: wait for the gallery's image before reading top-1)
  await expect.poll(() => debug(page, (d) => d.inputPixels())).toEqual(pixelsA);
  expect(await top1(page)).toEqual(predA);
  expect(await debug(page, (d) => d.inputPixels())).toEqual(pixelsA);

  await page.getByTestId('gallery-item').nth(0).getByTestId('gallery-delete').click();
  await expect(page.getByTestId('gallery-item')).toHaveCount(1);
  await page.reload();
  await openApp(page, '&backend=wasm');
  await expect(page.getByTestId('gallery-item')).toHaveCount(1);
  await page.getByTestId('gallery-clear').click();
  await expect(page.getByTestId('gallery-item')).toHaveCount(0);
});

test('without IndexedDB the gallery says so and everything else works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
  });
  await openApp(page, '&backend=wasm');
  await expect(page.getByTestId('gallery-unavailable')).toBeVisible();
  await uploadAndPredict(page, 'a.png', pngBytes(50, 40, scene(3)));
});

test('a full disk (quota exceeded on write) degrades the gallery with a message, and the prediction still comes', async ({ page }) => {
  await page.addInitScript(() => {
    // every write to IndexedDB fails the way a full disk or a private window's quota does
    const fail = function (this: IDBObjectStore): IDBRequest {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = fail as typeof IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.add = fail as typeof IDBObjectStore.prototype.add;
  });
  await watchRejections(page);
  await openApp(page, '&backend=wasm');
  const { cls } = await uploadAndPredict(page, 'full-disk.png', pngBytes(50, 40, scene(4)));
  expect(cls.length).toBeGreaterThan(0);
  await expect(page.getByTestId('gallery-unavailable')).toBeVisible();
  await expect(page.getByTestId('gallery-unavailable')).toContainText(/quota/i);
  await uploadAndPredict(page, 'full-disk-2.png', pngBytes(40, 50, scene(6)));
  expect(await rejections(page)).toEqual([]);
});
