import type { Locator } from '@playwright/test';
import { expect, resetTo, test } from './fixtures';
import { debug } from './helpers';

/** the matrix as drawn: its channel order and its values row by row (the canvas's data-values) */
async function drawn(view: Locator) {
  const order = (await view.getByTestId('influence-matrix').getAttribute('data-order'))!.split(' ').map(Number);
  const values = (await view.getByTestId('influence-canvas').getAttribute('data-values'))!.split(' ').map(Number);
  const at = (c: number, j: number) => values[order.indexOf(c) * order.length + order.indexOf(j)]!;
  return { order, values, at };
}
/** the pointer on the cell of gate c (row) and z_j (column) */
async function hoverCell(view: Locator, c: number, j: number) {
  const { order } = await drawn(view);
  const box = (await view.getByTestId('influence-matrix').boundingBox())!;
  const [row, col] = [order.indexOf(c), order.indexOf(j)];
  await view.getByTestId('influence-matrix').hover({ position: { x: ((col + 0.5) / order.length) * box.width, y: ((row + 0.5) / order.length) * box.height } });
}

test('explorer: ∂s/∂z is a C×C heatmap of the selected block, linked to the channel highlight, and nudging z_j moves the gates its column says', async ({ gl: { page, errors } }) => {
  const card = await debug(page, (d) => d.card());
  const b = card.architecture.blocks.find((x) => x.se)!;
  await page.getByTestId(`block-${b.index}`).click();
  const view = page.getByTestId('inspector').getByTestId('excitation-influence');
  await expect(view).toBeVisible();
  const C = b.channels;
  await expect(view.getByTestId('influence-matrix')).toHaveAttribute('data-channels', String(C));
  await expect(view.getByTestId('influence-canvas')).toHaveAttribute('width', String(C));
  expect((await drawn(view)).values).toHaveLength(C * C);

  // pointing at a cell: its gate's channel lights up in the other views, and the cell is read out
  const [c, j] = [Math.min(5, C - 1), Math.min(2, C - 1)];
  await hoverCell(view, c, j);
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
  const matrix = await drawn(view);
  const weight = new Array<number>(C).fill(0);
  for (const c of matrix.order) for (const j of matrix.order) weight[j]! += Math.abs(matrix.at(c, j));
  const j0 = weight.indexOf(Math.max(...weight));
  await view.getByTestId('nudge-channel').selectOption(String(j0));
  await expect(view.getByTestId('nudge')).toHaveAttribute('data-channel', String(j0));
  const column = Array.from({ length: C }, (_, k) => matrix.at(k, j0));
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
  await expect(view.getByTestId('influence-matrix')).toHaveAttribute('data-order', new RegExp(`^${s.indexOf(Math.max(...s))} `));
  // and the cells were drawn again in that order: the first value is now that gate's row
  const sorted = await drawn(view);
  expect(sorted.values[0]).toBeCloseTo(matrix.at(sorted.order[0]!, sorted.order[0]!), 5);
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
    await expect(live.getByTestId('influence-canvas')).toHaveAttribute('width', String(C));
    expect((await drawn(live)).values).toHaveLength(C * C);

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
