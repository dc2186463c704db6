import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { debug, pngBytes, scene, uploadAndPredict } from './helpers';

// on WebGL: the interventions' numbers against a direct pass on the same engine
const settled = (page: Page) => page.evaluate(() => window.__seExplainer!.exSettled());
const state = (page: Page) => page.evaluate(() => window.__seExplainer!.exState());
const direct = (page: Page, text: string) => page.evaluate((t) => window.__seExplainer!.classifyWith(t), text);
const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

async function ready(page: Page) {
  await uploadAndPredict(page, 'ex.png', pngBytes(64, 64, scene(3)));
  await settled(page);
}

async function selectBlock(page: Page, index: number) {
  await page.getByTestId(`block-${index}`).click();
}

test('an override changes the prediction exactly as a direct pass with the same overrides; reset restores it', async ({ gl: { page } }) => {
  await ready(page);
  const original = await state(page);
  await selectBlock(page, 6);
  await page.getByTestId('zero-channel').nth(5).click();
  await page.getByTestId('override-slider').nth(9).fill('0.3');
  await settled(page);
  const s = await state(page);
  expect(s.ov).toBe('6.5-0.9-300');
  expect(maxDiff(s.after, await direct(page, s.ov))).toBeLessThan(1e-5);
  // the prediction the app shows is the intervened one
  expect(maxDiff(s.shown, s.after)).toBe(0);
  const top = page.getByTestId('top1');
  expect(Number(await top.getAttribute('data-prob'))).toBeCloseTo(Math.max(...s.after), 5);
  const row = page.getByTestId('prob-delta').first();
  expect(Number(await row.getAttribute('data-after'))).toBeCloseTo(Math.max(...s.after), 5);
  // an earlier block too: the pass starts there and sees block 6's override
  await selectBlock(page, 1);
  await page.getByTestId('se-off-block').click();
  await settled(page);
  const s2 = await state(page);
  expect(s2.ov).toBe('1o_6.5-0.9-300');
  expect(maxDiff(s2.after, await direct(page, s2.ov))).toBeLessThan(1e-5);
  // the overrides are in the shareable link
  await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('o'))).toBe('1o_6.5-0.9-300');
  await page.getByTestId('reset-overrides').click();
  await settled(page);
  const s3 = await state(page);
  expect(s3.ov).toBe('');
  expect(maxDiff(s3.after, original.before)).toBeLessThan(1e-5);
  expect(maxDiff(s3.shown, original.before)).toBeLessThan(1e-5);
});

test('SE off everywhere equals s = 1 on every channel of every SE block', async ({ gl: { page } }) => {
  await ready(page);
  await page.getByTestId('se-off-all').click();
  await settled(page);
  const off = await state(page);
  const card = await debug(page, (d) => d.card());
  const ones = card.architecture.blocks
    .filter((b) => b.se)
    .map((b) => `${b.index}${Array.from({ length: b.channels }, (_, c) => `.${c}-1000`).join('')}`)
    .join('_');
  expect(maxDiff(off.after, await direct(page, ones))).toBeLessThan(1e-5);
  expect(maxDiff(off.after, off.before)).toBeGreaterThan(1e-4);
});

test('the ranking shows progress, lists C channels and leaves the engine consistent', async ({ gl: { page } }) => {
  await ready(page);
  await selectBlock(page, 2);
  const card = await debug(page, (d) => d.card());
  const C = card.architecture.blocks[2]!.channels;
  await page.getByTestId('ex-tab-ranking').click();
  await page.getByTestId('ranking-run').click();
  await expect(page.getByTestId('ranking-row')).toHaveCount(C, { timeout: 90_000 });
  await expect(page.getByTestId('ranking-progress')).toHaveAttribute('data-done', String(C));
  await settled(page);
  const s = await state(page);
  expect(maxDiff(s.after, await direct(page, s.ov))).toBeLessThan(1e-5);
});

test('the per-class analysis has one series per class and the depth trend', async ({ gl: { page } }) => {
  await ready(page);
  await page.getByTestId('ex-tab-perclass').click();
  const card = await debug(page, (d) => d.card());
  await expect(page.getByTestId('class-series')).toHaveCount(card.classes.length);
  await expect(page.getByTestId('depth-trend')).toBeVisible();
  await page.getByTestId('ex-tab-sevsplain').click();
  await expect(page.getByTestId('experiments')).toContainText('ResNet');
  // how both were trained: the recipe and one line per stretch of epochs that ran on one machine
  await page.getByTestId('sv-training').locator('summary').click();
  const segments = await debug(page, (d) => d.card().training.segments?.length ?? 0);
  expect(segments).toBeGreaterThan(0);
  await expect(page.getByTestId('sv-segments').first().locator('li')).toHaveCount(segments);
  await expect(page.getByTestId('sv-training')).toContainText('0.1'); // the peak learning rate
  // every training run of the recipe is a row (a card from before metrics.runs: its run and baseline)
  const runs = await debug(page, (d) => {
    const c = d.card();
    return c.metrics.runs?.length ?? (c.metrics.baseline ? 2 : 1);
  });
  await expect(page.getByTestId('seed-run')).toHaveCount(runs);
  await expect(page.getByTestId('seed-count')).toBeVisible();
  // the published table (long names and links) stays inside its panel, wide or narrow
  for (const width of [1000, 400]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.locator('.ex-pub').evaluate((t) => t.scrollWidth - t.parentElement!.clientWidth);
    expect(overflow, `at ${width}px`).toBeLessThanOrEqual(0);
  }
});
