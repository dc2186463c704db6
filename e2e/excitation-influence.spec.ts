import type { Page } from '@playwright/test';
import { expect, resetTo, test } from './fixtures';
import { debug } from './helpers';

const cell = (page: Page, c: number, j: number) => page.locator(`[data-testid="influence-cell"][data-row="${c}"][data-col="${j}"]`);
const value = async (page: Page, c: number, j: number) => Number(await cell(page, c, j).getAttribute('data-value'));

test('explorer: ∂s/∂z is a C×C heatmap of the selected block, linked to the channel highlight, and nudging z_j moves the gates its column says', async ({ gl: { page, errors } }) => {
  const card = await debug(page, (d) => d.card());
  const b = card.architecture.blocks.find((x) => x.se)!;
  await page.getByTestId(`block-${b.index}`).click();
  const view = page.getByTestId('inspector').getByTestId('excitation-influence');
  await expect(view).toBeVisible();
  const C = b.channels;
  await expect(view.getByTestId('influence-matrix')).toHaveAttribute('data-channels', String(C));
  await expect(view.getByTestId('influence-cell')).toHaveCount(C * C);

  // pointing at a cell: its gate's channel lights up in the other views, and the cell is read out
  const [c, j] = [Math.min(5, C - 1), Math.min(2, C - 1)];
  await cell(page, c, j).hover();
  await expect(page.locator(`[data-testid="z-cell"][data-channel="${c}"]`)).toHaveClass(/active/);
  await expect(page.locator(`[data-testid="s-bar"][data-channel="${c}"]`)).toHaveClass(/active/);
  await expect(view.getByTestId('influence-readout')).toContainText(`∂s_${c}/∂z_${j}`);
  // and the other way round: a channel hovered elsewhere is outlined in the matrix
  await page.locator('[data-testid="z-cell"][data-channel="1"]').hover();
  await expect(view.getByTestId('influence-highlight')).toHaveAttribute('data-channel', '1');

  // the keyboard reads the cells too: the first arrow enters at the first cell, the next ones walk,
  // Enter nudges that column (the mouse out of the way: focusing scrolls, and what then lies
  // under a resting pointer would be hovered)
  await page.mouse.move(0, 0);
  await view.getByTestId('influence-matrix').focus();
  for (const key of ['ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await expect(view.getByTestId('influence-readout')).toContainText('∂s_1/∂z_3');
  await expect(page.locator('[data-testid="z-cell"][data-channel="1"]')).toHaveClass(/active/);
  await page.keyboard.press('Enter');
  await expect(view.getByTestId('nudge')).toHaveAttribute('data-channel', '3');

  // nudge the z that moves the gates most (picked in the select): every gate is recomputed, and
  // the one its column says depends most on it moves the way the sign says
  const cells = await view.getByTestId('influence-cell').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-row')), Number(e.getAttribute('data-col')), Number(e.getAttribute('data-value'))]));
  const weight = new Array<number>(C).fill(0);
  for (const [, col, v] of cells) weight[col!]! += Math.abs(v!);
  const j0 = weight.indexOf(Math.max(...weight));
  await view.getByTestId('nudge-channel').selectOption(String(j0));
  await expect(view.getByTestId('nudge')).toHaveAttribute('data-channel', String(j0));
  const column = await Promise.all(Array.from({ length: C }, (_, k) => value(page, k, j0)));
  const strongest = column.reduce((best, v, k) => (Math.abs(v) > Math.abs(column[best]!) ? k : best), 0);
  const before = Number(await page.locator(`[data-testid="nudge-bar"][data-channel="${strongest}"]`).getAttribute('data-value'));
  const slider = view.getByTestId('nudge-slider');
  await slider.fill(String(Number(await slider.getAttribute('max')) * 0.2));
  await expect(view.getByTestId('nudge-readout')).toContainText(new RegExp(`of ${C} gates moved`));
  const after = Number(await page.locator(`[data-testid="nudge-bar"][data-channel="${strongest}"]`).getAttribute('data-value'));
  expect(Math.sign(after - before)).toBe(Math.sign(column[strongest]!));
  // gates other than s_j moved too: the FCs mix channels
  const moved = await view.getByTestId('nudge-bar').evaluateAll((els, s) => els.filter((e, k) => Math.abs(Number(e.getAttribute('data-value')) - s[k]!) > 1e-4).map((e) => Number(e.getAttribute('data-channel'))), await page.getByTestId('s-cell').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value')))));
  expect(moved.filter((k) => k !== j0).length).toBeGreaterThan(0);

  // the matrix follows the inspector's order: sorted by s, the first row is the most-kept channel
  await page.getByTestId('channel-order').locator('button[data-value="s"]').click();
  const s = await page.getByTestId('s-cell').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  await expect(view.getByTestId('influence-cell').first()).toHaveAttribute('data-row', String(s.indexOf(Math.max(...s))));
  expect(errors).toEqual([]);
});

for (const lang of ['en', 'ko'] as const) {
  test(`lesson (${lang}): the excitation section explains where s_c comes from, for this image and for the worked example`, async ({ wasm: { page, errors } }) => {
    await resetTo(page, { mode: 'lesson', section: 2, lang }); // sec=3 in a link
    const part = page.getByTestId('lesson-influence');
    await expect(part).toHaveAttribute('data-numbers', 'image');
    await expect(part).toContainText(lang === 'ko' ? '채널 사이의 의존 관계' : 'dependencies between channels');
    const live = part.getByTestId('excitation-influence');
    await expect(live).toBeVisible();
    const C = Number(await live.getAttribute('data-channels'));
    await expect(live.getByTestId('influence-cell')).toHaveCount(C * C);

    // the worked example's numbers: the 4×4 matrix a student can check by hand
    await page.getByTestId('numbers-example').click();
    await expect(part).toHaveAttribute('data-numbers', 'example');
    await expect(part.getByTestId('influence-cell')).toHaveCount(16);
    await expect(part.locator('text.influence-value').first()).toHaveText('0.20');
    await expect(part).toContainText('0.73 · 0.27 · 1 = 0.20');
    await expect(page.getByTestId('worked-influence-matrix').locator('td')).toHaveCount(16);
    expect(errors).toEqual([]);
  });
}
