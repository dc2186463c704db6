import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';
import { USER_MODELS } from './global-setup';

interface Fixtures {
  good: string;
  /** the good network with these SE blocks' gates collapsed (W1 = 0, b1 > 0) */
  fixedGates: { dir: string; blocks: number[] };
  id: string;
  inputSize: number;
  classes: string[];
  broken: { dir: string; code: string; file: string }[];
}
const fixtures = (): Fixtures => JSON.parse(readFileSync(join(USER_MODELS, 'fixtures.json'), 'utf8')) as Fixtures;

/** every file of one exported folder, as the file picker would hand them over */
function folder(dir: string) {
  const root = join(USER_MODELS, dir);
  return readdirSync(root).map((name) => ({ name, mimeType: name.endsWith('.bin') ? 'application/octet-stream' : 'application/json', buffer: readFileSync(join(root, name)) }));
}

async function loadFolder(page: Page, dir: string) {
  await page.getByTestId('model-input').setInputFiles(folder(dir));
}

test('a model whose gates are the same for every image in some blocks is flagged in exactly those blocks', async ({ page }) => {
  const fx = fixtures();
  await openApp(page);
  await loadFolder(page, fx.fixedGates.dir);
  await expect.poll(() => debug(page, (d) => d.card().classes.map((c) => c.key))).toEqual(fx.classes);
  const blocks = await debug(page, (d) => d.card().architecture.blocks.filter((b) => b.se).map((b) => b.index));
  // the architecture marks them, once the model's statistics are read
  await expect(page.locator('[data-fixed-gate]')).toHaveCount(fx.fixedGates.blocks.length);
  for (const b of blocks) {
    await page.getByTestId(`block-${b}`).click();
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-block', String(b));
    const fixed = fx.fixedGates.blocks.includes(b);
    await expect(page.getByTestId('gate-fixed')).toHaveCount(fixed ? 1 : 0);
    expect(await page.getByTestId(`block-${b}`).getAttribute('data-fixed-gate')).toBe(fixed ? 'true' : null);
  }
  // the depth trend computes no class share for them and says why
  await page.getByTestId('ex-tab-perclass').click();
  await expect(page.getByTestId('depth-fixed')).toHaveCount(fx.fixedGates.blocks.length);
  await expect(page.getByTestId('depth-fixed-note')).toBeVisible();
});

test('a model exported by training/export.py loads from disk, drives every view, survives a reload and works offline', async ({ page, context }) => {
  const fx = fixtures();
  const errors = await openApp(page);
  await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(7)));
  await loadFolder(page, fx.good);
  await expect(page.getByTestId('model-name')).toHaveText(/./);
  await expect.poll(() => debug(page, (d) => d.card().classes.map((c) => c.key))).toEqual(fx.classes);
  // the same image, at the model's own input size, classified into its own classes
  await expect(page.getByTestId('network-input')).toHaveAttribute('width', String(fx.inputSize));
  await expect(page.getByTestId('top1')).toBeVisible();
  expect(fx.classes).toContain(await page.getByTestId('top1').getAttribute('data-class'));
  await expect(page.getByTestId('topk').locator('li')).toHaveCount(Math.min(5, fx.classes.length));
  const card = await debug(page, (d) => d.card());
  expect(card.architecture.inputSize).toBe(fx.inputSize);
  await expect(page.locator('[data-testid="model-picker"] option', { hasText: 'yours' })).toHaveCount(1);
  // its exported statistics reach the per-class analysis (one series per class of its own)
  await page.getByTestId('ex-tab-perclass').click();
  await expect(page.getByTestId('class-series')).toHaveCount(fx.classes.length);
  const probs = await debug(page, (d) => d.probs());
  expect(probs).toHaveLength(fx.classes.length);

  // kept on this device: after a reload (the link names it) and offline, it runs again
  await expect(page).toHaveURL(/model=user/);
  await page.reload();
  await expect.poll(() => page.evaluate(() => window.__seExplainer?.ready() ?? false), { timeout: 90_000 }).toBe(true);
  await expect.poll(() => debug(page, (d) => d.card().classes.length)).toBe(fx.classes.length);
  await context.setOffline(true);
  await page.reload();
  await expect.poll(() => page.evaluate(() => window.__seExplainer?.ready() ?? false), { timeout: 90_000 }).toBe(true);
  await expect.poll(() => debug(page, (d) => d.card().classes.map((c) => c.key))).toEqual(fx.classes);
  await expect(page.getByTestId('top1')).toBeVisible();
  await context.setOffline(false);

  // and it can be removed: the default model runs again
  await page.getByTestId('remove-own-model').click();
  await expect(page.getByTestId('model-name')).toHaveText('SE-ResNet-20');
  await expect(page.locator('[data-testid="model-picker"] option', { hasText: 'yours' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('six broken model folders: each gives a message naming the file and the problem; the running model keeps working', async ({ page }) => {
  const fx = fixtures();
  const errors = await openApp(page);
  const first = await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(2)));
  for (const b of fx.broken) {
    await loadFolder(page, b.dir);
    const alert = page.getByTestId('model-load-error');
    await expect(alert, b.dir).toBeVisible();
    await expect(alert, b.dir).toContainText(b.file);
    await expect(page.getByTestId('model-name')).toHaveText('SE-ResNet-20');
  }
  // still classifying with the shipped model
  const next = await uploadAndPredict(page, 'other.png', pngBytes(80, 80, scene(9)));
  const card = await debug(page, (d) => d.card());
  expect(card.classes.map((c) => c.key)).toContain(next.cls);
  expect(card.classes.map((c) => c.key)).toContain(first.cls);
  expect(errors).toEqual([]);
});
