/**
 * The experiments views in their development harness (experiments-dev.html on the Vite dev
 * server; not part of the production build yet). Start it first: `npx vite --port 5180`, or
 * point EX_URL elsewhere. Skipped when the harness is not reachable. With EX_SHOTS=<folder>
 * the screenshot test writes 1280×720 screenshots of every view in both languages there.
 */
import { expect, test, type Page } from '@playwright/test';

const URL = process.env.EX_URL ?? 'http://127.0.0.1:5180/experiments-dev.html';
const SHOTS = process.env.EX_SHOTS ?? '';

interface Hook {
  ready: boolean;
  classify: (text: string) => Promise<number[]>;
  state: () => { ov: string; before: number[]; after: number[]; busy: boolean; afterKey: string | null };
  settled: () => Promise<void>;
  numTensors: () => number;
}

test.beforeAll(async ({ request }) => {
  const ok = await request
    .get(URL)
    .then((r) => r.ok())
    .catch(() => false);
  test.skip(!ok, `experiments harness not reachable at ${URL}`);
});

async function open(page: Page, query = '') {
  await page.goto(`${URL}${query}`);
  await page.waitForFunction(() => (window as unknown as { __exHarness?: Hook }).__exHarness?.ready === true, null, { timeout: 90_000 });
}

const settled = (page: Page) => page.evaluate(() => (window as unknown as { __exHarness: Hook }).__exHarness.settled());
const state = (page: Page) => page.evaluate(() => (window as unknown as { __exHarness: Hook }).__exHarness.state());
const direct = (page: Page, text: string) => page.evaluate((t) => (window as unknown as { __exHarness: Hook }).__exHarness.classify(t), text);
const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

test('an override changes the prediction exactly as a direct classify with the same overrides', async ({ page }) => {
  await open(page, '?view=interventions&block=6');
  const zero = page.getByTestId('zero-channel');
  await zero.nth(5).click();
  await page.getByTestId('override-slider').nth(9).fill('0.3');
  await settled(page);
  const s = await state(page);
  expect(s.ov).toBe('6.5-0.9-300');
  expect(s.afterKey).not.toBeNull();
  const d = await direct(page, s.ov);
  expect(maxDiff(s.after, d)).toBeLessThan(1e-5);
  // the delta rows show the same numbers
  const row = page.getByTestId('prob-delta').first();
  const after = Number(await row.getAttribute('data-after'));
  expect(Math.max(...s.after)).toBeCloseTo(after, 6);
  // an earlier block, then removing everything again gives the prediction without overrides
  await page.getByTestId('harness-block').nth(1).click();
  await page.getByTestId('se-off-block').click();
  await settled(page);
  const s2 = await state(page);
  expect(s2.ov).toBe('1o_6.5-0.9-300');
  expect(maxDiff(s2.after, await direct(page, s2.ov))).toBeLessThan(1e-5);
  await page.getByTestId('reset-overrides').click();
  await settled(page);
  const s3 = await state(page);
  expect(s3.ov).toBe('');
  expect(maxDiff(s3.after, s3.before)).toBeLessThan(1e-5);
});

test('SE off everywhere equals s = 1 everywhere', async ({ page }) => {
  await open(page, '?view=interventions');
  await page.getByTestId('se-off-all').click();
  await settled(page);
  const off = await state(page);
  const blocks = off.ov.split('_').map((b) => Number(b.replace('o', '')));
  expect(blocks.length).toBeGreaterThan(0);
  // s = 1 on every channel of every SE block, as link text: "<block>.0-1000.1-1000…"
  const channels: number[] = await page.evaluate(() => {
    const h = (window as unknown as { __exHarness: { store: { getState: () => { engine: { card: { architecture: { blocks: { channels: number; se: unknown }[] } } } } } } }).__exHarness;
    return h.store.getState().engine.card.architecture.blocks.map((b) => (b.se ? b.channels : 0));
  });
  const ones = blocks.map((b) => `${b}${Array.from({ length: channels[b]! }, (_, c) => `.${c}-1000`).join('')}`).join('_');
  expect(maxDiff(off.after, await direct(page, ones))).toBeLessThan(1e-5);
  expect(maxDiff(off.after, off.before)).toBeGreaterThan(1e-4);
});

test('ranking reports progress, lists every channel and leaves the engine consistent', async ({ page }) => {
  await open(page, '?view=ranking&block=2');
  await page.getByTestId('ranking-run').click();
  await expect(page.getByTestId('ranking-row')).toHaveCount(16, { timeout: 60_000 });
  await expect(page.getByTestId('ranking-progress')).toHaveAttribute('data-done', '16');
  await settled(page);
  const s = await state(page);
  expect(maxDiff(s.after, await direct(page, s.ov))).toBeLessThan(1e-5);
  const first = page.getByTestId('ranking-row').first();
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
});

test('screenshots of every view in both languages', async ({ page }) => {
  test.skip(!SHOTS, 'set EX_SHOTS=<folder> to write screenshots');
  test.setTimeout(300_000);
  for (const lang of ['en', 'ko']) {
    await open(page, `?lang=${lang}&block=6&channel=5&ov=0o_6.5-0.9-300`);
    await settled(page);
    await page.getByTestId('ranking-run').click();
    await expect(page.getByTestId('ranking-progress')).toHaveAttribute('data-done', '64', { timeout: 120_000 });
    await page.getByTestId('gate-run-softmax').click();
    await settled(page);
    for (const [name, locator] of [
      ['interventions', '.ex-interventions'],
      ['ranking', '.ex-ranking'],
      ['gates', '.ex-gates'],
      ['perclass', '.ex-perclass'],
      ['sevsplain', '.ex-sevsplain'],
    ] as const) {
      await page.locator(locator).scrollIntoViewIfNeeded();
      await page.locator(locator).screenshot({ path: `${SHOTS}/${lang}-${name}.png` });
    }
    await page.getByTestId('pc-view-heatmap').click();
    await page.locator('.ex-perclass').screenshot({ path: `${SHOTS}/${lang}-perclass-heatmap.png` });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${lang}-top.png` });
  }
});
