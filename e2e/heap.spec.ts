import { expect, test, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { openApp, pngBytes, scene, uploadAndPredict } from './helpers';

// this file's browser only: window.gc() and unrounded performance.memory
test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'] } });

/** the JS heap in use after forced garbage collections, in bytes */
async function heapAfterGc(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const w = window as unknown as { gc(): void; performance: { memory: { usedJSHeapSize: number } } };
    for (let i = 0; i < 4; i++) {
      w.gc();
      await new Promise((r) => setTimeout(r, 100));
    }
    return w.performance.memory.usedJSHeapSize;
  });
}

const names = { 'resnet20-cifar10': 'ResNet-20', 'se-resnet20-cifar10': 'SE-ResNet-20' } as const;

async function switchTo(page: Page, id: keyof typeof names) {
  await page.getByTestId('model-picker').selectOption(id);
  await expect(page.getByTestId('model-name')).toHaveText(names[id]);
  await expect(page.getByTestId('top1')).toBeVisible();
  await expect(page.getByTestId('model-picker')).toBeEnabled();
}

// issue 24: every model switch kept about 2.1 MB that no garbage collection returned
test('seven model switches grow the JS heap (after forced GC) by at most 6 MB', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await uploadAndPredict(page, 'heap.png', pngBytes(48, 48, scene(5)));
  // one round trip first: what the first use of each model builds once (its shader programs, the
  // read-once JSON files) is not growth per switch
  await switchTo(page, 'resnet20-cifar10');
  await switchTo(page, 'se-resnet20-cifar10');
  const before = await heapAfterGc(page);
  const ids = ['resnet20-cifar10', 'se-resnet20-cifar10'] as const;
  for (let i = 0; i < 7; i++) await switchTo(page, ids[i % 2]!);
  const after = await heapAfterGc(page);
  const mb = (b: number) => (b / 2 ** 20).toFixed(2);
  console.log(`heap after GC: ${mb(before)} MB → ${mb(after)} MB over 7 switches (${mb(after - before)} MB)`);
  expect(after - before).toBeLessThanOrEqual(6 * 2 ** 20);
});
