import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { expect, resetTo, test } from './fixtures';
import { debug, snap, top1 } from './helpers';

/** The RGB bytes of a committed example PNG, as the network should see them (32×32, no resize). */
function pngRgb(url: string): number[] {
  const file = join(import.meta.dirname, '..', 'public', new URL(url).pathname.replace(/^\//, ''));
  const png = PNG.sync.read(readFileSync(file));
  const rgb: number[] = [];
  for (let i = 0; i < png.data.length; i += 4) rgb.push(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!);
  return rgb;
}

test('a plain visit opens on the first example, classified and drawn, with zero clicks', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/?debug=1');
  // no click anywhere: top-1, the architecture and the selected block's heatmaps appear
  const { cls } = await top1(page);
  const first = page.getByTestId('example').first();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('inspector').getByTestId('u-grid')).toBeVisible();
  await expect(page.getByTestId('u-grid').getByTestId('u-cell').first()).toBeVisible();
  const card = await debug(page, (d) => d.card());
  expect(card.classes.map((c) => c.key)).toContain(cls);

  // at least ten examples, every class of the model at least once, drawn crisp
  const examples = await debug(page, (d) => d.examples());
  expect(examples.length).toBeGreaterThanOrEqual(10);
  for (const c of card.classes) expect(examples.some((e) => e.class === c.key)).toBe(true);
  await expect(page.getByTestId('example')).toHaveCount(examples.length);
  await expect(first.locator('img')).toHaveCSS('image-rendering', 'pixelated');
  const box = await first.locator('img').boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(64);

  // what the network sees is exactly the example file's pixels (no resampling on the way)
  expect(await debug(page, (d) => d.inputPixels())).toEqual(pngRgb(examples[0]!.url));
  await expect(page.getByTestId('input-meta')).toContainText(/CIFAR-10/);
  // examples are not the user's recent images
  expect(await debug(page, (d) => d.galleryCount())).toBe(0);
  expect(errors).toEqual([]);
});

test('each example is one click or one key press away, and a link restores a chosen one', async ({ wasm: { page } }) => {
  const examples = await debug(page, (d) => d.examples());
  // a click
  const before = await debug(page, (d) => d.inputId());
  await page.getByTestId('example').nth(3).click();
  await expect.poll(() => debug(page, (d) => d.inputId())).not.toBe(before);
  await top1(page);
  expect(await debug(page, (d) => d.inputPixels())).toEqual(pngRgb(examples[3]!.url));
  await expect(page.getByTestId('example').nth(3)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('example').first()).toHaveAttribute('aria-pressed', 'false');

  // the keyboard: Tab reaches the tiles, Enter opens one
  await page.getByTestId('example').nth(4).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('example').nth(5)).toBeFocused();
  const id = await debug(page, (d) => d.inputId());
  await page.keyboard.press('Enter');
  await expect.poll(() => debug(page, (d) => d.inputId())).not.toBe(id);
  await top1(page);
  expect(await debug(page, (d) => d.inputPixels())).toEqual(pngRgb(examples[5]!.url));
  const probs = await debug(page, (d) => d.probs());

  // the link carries the chosen example; opening it shows that one, not the first example (the
  // address bar is written a moment later: the earlier example's link may still be there)
  await page.evaluate(() => window.__seExplainer!.flushUrl());
  await expect.poll(() => page.url()).toContain('img=');
  const link = page.url();
  const page2 = await page.context().newPage();
  await page2.goto(link);
  await expect.poll(() => debug(page2, (d) => d?.ready() ?? false), { timeout: 90_000 }).toBe(true);
  await top1(page2);
  expect(await debug(page2, (d) => d.inputPixels())).toEqual(pngRgb(examples[5]!.url));
  const probs2 = await debug(page2, (d) => d.probs());
  probs2.forEach((p, i) => expect(p).toBeCloseTo(probs[i]!, 4));
});

for (const lang of ['en', 'ko'] as const) {
  test(`the input panel with its examples (${lang}) fits its column`, async ({ wasm: { page } }, info) => {
    await resetTo(page, { lang });
    await top1(page);
    const panel = page.locator('.input-panel');
    const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(panel, info.outputPath(`input-panel-${lang}.png`));
  });
}
