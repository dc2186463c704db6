import { expect, test } from './fixtures';
import { debug, pngBytes, scene, uploadAndPredict } from './helpers';

// on WebGL: every block's heatmaps as the WebGL read-back gives them

test('every block: heatmaps have C cells of H×W, strips and bars have C cells (sizes from the card)', async ({ gl: { page, errors } }) => {
  await uploadAndPredict(page, 'scene.png', pngBytes(80, 80, scene(11)));
  const card = await debug(page, (d) => d.card());
  expect(card.architecture.blocks.length).toBeGreaterThan(0);
  for (const b of card.architecture.blocks) {
    await page.getByTestId(`block-${b.index}`).click();
    await expect(page.getByTestId(`block-${b.index}`)).toHaveAttribute('aria-pressed', 'true');
    const inspector = page.getByTestId('inspector');
    await expect(inspector).toHaveAttribute('data-block', String(b.index));
    const C = b.channels;
    const H = b.outputSize;
    for (const name of ['u', 'scaled', 'out']) {
      const grid = page.getByTestId(`${name}-grid`);
      await expect(grid).toHaveAttribute('data-channels', String(C));
      await expect(grid).toHaveAttribute('data-h', String(H));
      await expect(grid).toHaveAttribute('data-w', String(H));
      const cells = grid.getByTestId(`${name}-cell`);
      await expect(cells).toHaveCount(C);
      // every cell is a canvas of exactly H×W pixels
      const sizes = await cells.evaluateAll((els) => els.map((e) => `${(e as HTMLCanvasElement).width}x${(e as HTMLCanvasElement).height}`));
      expect(new Set(sizes)).toEqual(new Set([`${H}x${H}`]));
    }
    if (b.se) {
      await expect(page.getByTestId('z-strip').getByTestId('z-cell')).toHaveCount(C);
      await expect(page.getByTestId('s-strip').getByTestId('s-cell')).toHaveCount(C);
      await expect(page.getByTestId('h-strip').getByTestId('h-cell')).toHaveCount(b.se.hidden);
      await expect(page.getByTestId('z-bars').getByTestId('z-bar')).toHaveCount(C);
      await expect(page.getByTestId('s-bars').getByTestId('s-bar')).toHaveCount(C);
      // s is a sigmoid: every value in (0, 1)
      const s = await page.getByTestId('s-cell').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
      for (const v of s) expect(v > 0 && v < 1).toBe(true);
      // where ReLU cut off every FC1 unit, the view says so instead of a 0..0 legend
      const taps = await page.evaluate((i) => window.__seExplainer!.taps(i), b.index);
      const h = taps!.h!;
      await expect(page.getByTestId('h-all-zero')).toHaveCount(h.every((v: number) => v === 0) ? 1 : 0);
    }
  }
  expect(errors).toEqual([]);
});

test('hovering a channel highlights it in every view and shows exact values; sorting and domains', async ({ gl: { page } }) => {
  await uploadAndPredict(page, 'scene.png', pngBytes(64, 64, scene(2)));
  const card = await debug(page, (d) => d.card());
  const b = card.architecture.blocks.find((x) => x.se)!;
  await page.getByTestId(`block-${b.index}`).click();
  const c = Math.min(3, b.channels - 1);
  await page.locator(`[data-testid="u-cell"][data-channel="${c}"]`).hover();
  for (const id of ['u-cell', 'scaled-cell', 'out-cell', 'z-cell', 's-cell']) {
    await expect(page.locator(`[data-testid="${id}"][data-channel="${c}"]`)).toHaveClass(/active/);
  }
  await expect(page.locator(`[data-testid="s-bar"][data-channel="${c}"]`)).toHaveClass(/active/);
  const tip = page.getByTestId('tooltip');
  await expect(tip).toBeVisible();
  const sValue = await page.locator(`[data-testid="s-cell"][data-channel="${c}"]`).getAttribute('data-value');
  await expect(tip.getByTestId('fact-s')).toHaveText(Number(sValue).toFixed(4));
  // hovering a strip cell highlights the same channel in the maps
  await page.locator(`[data-testid="z-cell"][data-channel="0"]`).hover();
  await expect(page.locator(`[data-testid="u-cell"][data-channel="0"]`)).toHaveClass(/active/);

  // sort by s: the maps start with the most-kept channel
  await page.getByTestId('channel-order').locator('button[data-value="s"]').click();
  const s = await page.getByTestId('s-cell').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  const best = s.indexOf(Math.max(...s));
  await expect(page.getByTestId('u-cell').first()).toHaveAttribute('data-channel', String(best));
  await expect(page.getByTestId('s-bar').first()).toHaveAttribute('data-channel', String(best));

  // colour domains switch (per-channel legends say so)
  for (const m of ['channel', 'network', 'block']) {
    await page.getByTestId('domain-mode').locator(`button[data-value="${m}"]`).click();
    await expect(page.getByTestId('domain-mode')).toHaveAttribute('data-value', m);
  }

  // click pins a channel (touch screens), click again releases it
  await page.locator(`[data-testid="u-cell"][data-channel="${c}"]`).click();
  await expect(page.getByTestId('pinned')).toBeVisible();
  await page.locator(`[data-testid="u-cell"][data-channel="${c}"]`).click();
  await expect(page.getByTestId('pinned')).toHaveCount(0);
});
