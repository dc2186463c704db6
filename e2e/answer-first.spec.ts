import { expect, test, type Locator, type Page } from '@playwright/test';

/** the element's box lies wholly inside the viewport, with the page scrolled to the top */
async function wholeInFirstViewport(page: Page, el: Locator) {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, 'drawn').not.toBeNull();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(vp.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(vp.height);
  return box!;
}

// a first visit as a new user makes it: the plain address, the wasm head start, no scrolling
for (const [width, height] of [
  [1440, 900],
  [1280, 720],
  [390, 844],
] as const) {
  test(`the answer first: top-1 and top-5 are in the first viewport at ${width}×${height}, under the image`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await expect(page.getByTestId('top1')).toBeVisible({ timeout: 90_000 });
    // the layout after the first result is the one the user reads (the move to WebGL keeps it)
    await expect(page.getByTestId('topk').locator('li')).toHaveCount(5);
    const image = await wholeInFirstViewport(page, page.getByTestId('network-input'));
    const top1 = await wholeInFirstViewport(page, page.getByTestId('top1'));
    const top5 = await wholeInFirstViewport(page, page.getByTestId('topk'));
    // right under the image: nothing between the picture the network sees and its answer
    expect(top1.y).toBeGreaterThanOrEqual(image.y + image.height);
    expect(top1.y - (image.y + image.height)).toBeLessThan(40);
    expect(top5.y).toBeGreaterThan(top1.y);
  });
}
