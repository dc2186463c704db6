// wasm: the model folders and the page are under test here, not the backend
import { expect, test } from '@playwright/test';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';
import { goodFolder, loadModelFolder, offsetOf, withCard, withWeights } from './modelFolders';

// issue 24: NaN weights loaded silently ("airplane NaN%", full-width bars, the card's accuracy
// quoted); all-zero weights gave 10.0% everywhere with no word

test('a folder with NaN weights is refused naming the tensor; nothing shows NaN; the running model stays', async ({ page }) => {
  const errors = await openApp(page, '&backend=wasm');
  const before = await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(3)));
  await loadModelFolder(page, withWeights(goodFolder(), (w, specs) => (w[offsetOf(specs, 'blocks/2/se/fc1/kernel') + 5] = NaN)));
  const alert = page.getByTestId('model-load-error');
  await expect(alert).toContainText('blocks/2/se/fc1/kernel');
  await expect(alert).toContainText('NaN');
  await expect(page.getByTestId('prediction-nonfinite')).toHaveCount(0);
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', before.cls);
  expect(await debug(page, (d) => d.card().classes.length)).toBe(10);
  for (const id of ['top1', 'topk', 'model-line']) await expect(page.getByTestId(id)).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

test('a folder with all-zero weights is flagged: the same output for every image', async ({ page }) => {
  const errors = await openApp(page, '&backend=wasm');
  await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(4)));
  await expect(page.getByTestId('model-warning')).toHaveCount(0);
  await loadModelFolder(page, withWeights(goodFolder(), (w) => w.fill(0)));
  await expect.poll(() => debug(page, (d) => d.card().classes.length)).toBe(4);
  await expect(page.getByTestId('model-warning')).toContainText('same outputs for every image');
  await expect(page.getByTestId('top1')).toHaveAttribute('data-prob', '0.25');
  await expect(page.locator('.prediction')).not.toContainText('NaN');
  // back on the shipped model the warning goes
  await page.getByTestId('remove-own-model').click();
  await expect.poll(() => debug(page, (d) => d.card().classes.length)).toBe(10);
  await expect(page.getByTestId('model-warning')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// issue 24: a 10,000-character class name made the page 158,617 px wide; a U+202E in a name
// reversed the app's own text after it ("sruoy · skcolb ES 9")
test('names from a model are data: a 10,000-character class name keeps the page in the window, a U+202E reorders nothing', async ({ page }) => {
  const RLO = '\u202e';
  const errors = await openApp(page, '&backend=wasm');
  await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(6)));
  await loadModelFolder(
    page,
    withCard(goodFolder(), (card) => {
      card.name = `${RLO}Evil net`;
      card.classes.forEach((c: { en: string; ko: string }, i: number) => {
        c.en = `${'wide'.repeat(2500)}${i}`;
        c.ko = `${RLO}${'넓은'.repeat(5000)}${i}`;
      });
    }),
  );
  await expect.poll(() => debug(page, (d) => d.card().classes.length)).toBe(4);
  const top1 = page.getByTestId('top1');
  await expect(top1).toBeVisible();
  const label = top1.locator('.label');
  expect((await label.textContent())!.length).toBeLessThan(60);
  expect((await label.getAttribute('title'))!.length).toBeGreaterThan(1000);
  // the percentage is in view, and the page is no wider than the window
  await top1.scrollIntoViewIfNeeded();
  await expect(top1.locator('.prob')).toBeInViewport({ ratio: 1 });
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  // no override reaches the page; the words after the name read left to right
  for (const lang of ['en', 'ko'] as const) {
    if (lang === 'ko') await page.getByTestId('lang-toggle').click();
    expect(await page.evaluate(() => document.body.innerText.includes('\u202e'))).toBe(false);
    const order = await page.getByTestId('model-line').evaluate((line) => {
      const acc = line.querySelectorAll('span')[0]!.firstChild as Text;
      const at = (word: string) => {
        const r = document.createRange();
        const i = acc.data.indexOf(word);
        r.setStart(acc, i);
        r.setEnd(acc, i + word.length);
        return r.getBoundingClientRect().left;
      };
      return [at('top-1'), at('%')];
    });
    expect(order[0]!, lang).toBeLessThan(order[1]!);
    expect(await page.locator('[data-testid="model-picker"] option', { hasText: 'Evil net' }).textContent()).toMatch(/^\u2068Evil net\u2069 · /);
  }
  expect(errors).toEqual([]);
});

// issue 24: a consistent 100,000-class model froze the page for up to 18.7 s, one at inputSize
// 512 took 126 s to load, and a 50 MB card.json loaded (and was parsed on every visit)
test('models beyond the limits are refused up front, naming the limit and the value, without freezing the page', async ({ page }) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  const errors = await openApp(page, '&backend=wasm');
  const before = await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(8)));
  const sizedTo = (size: number) => (card: { architecture: { inputSize: number; stages: { index: number; outputSize: number }[]; blocks: { index: number; stage: number; stride: number; inputSize: number; outputSize: number }[] }; preprocessing: { inputSize: number } }) => {
    const a = card.architecture;
    a.inputSize = card.preprocessing.inputSize = size;
    for (const b of a.blocks) {
      b.inputSize = b.index === 0 ? size : a.blocks[b.index - 1]!.outputSize;
      b.outputSize = Math.floor((b.inputSize - 1) / b.stride) + 1;
    }
    for (const s of a.stages) s.outputSize = a.blocks.filter((b) => b.stage === s.index).at(-1)!.outputSize;
  };
  const cases = [
    {
      what: '100,000 classes',
      folder: withCard(goodFolder(), (card) => {
        card.classes = Array.from({ length: 100_000 }, (_, i) => ({ key: `k${i}`, en: `class ${i}`, ko: `클래스 ${i}` }));
        card.architecture.head.classes = 100_000;
      }),
      text: /card\.json is [\d,]+ bytes \([\d.]+ MiB\); this app reads at most 1,048,576 bytes/,
    },
    { what: 'input 512', folder: withCard(goodFolder(), sizedTo(512)), text: /inputSize is 512 pixels; this app runs models of at most 128×128 pixels/ },
    {
      what: '50 MB card',
      folder: new Map(goodFolder()).set('card.json', Buffer.concat([goodFolder().get('card.json')!, Buffer.alloc(50 * 2 ** 20, 0x20)])),
      text: /card\.json is 52,[\d,]+ bytes \(50\.0 MiB\); this app reads at most 1,048,576 bytes/,
    },
  ];
  for (const c of cases) {
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    const t0 = Date.now();
    await loadModelFolder(page, c.folder);
    const alert = page.getByTestId('model-load-error');
    await expect(alert, c.what).toContainText(c.text);
    const ms = Date.now() - t0;
    const longest = Math.max(0, ...(await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)));
    console.log(`${c.what}: refused in ${ms} ms, longest main-thread task ${longest.toFixed(0)} ms`);
    expect(longest, c.what).toBeLessThan(200);
    await expect(page.getByTestId('top1')).toHaveAttribute('data-class', before.cls);
  }
  expect(await debug(page, (d) => d.card().classes.length)).toBe(10);
  expect(errors).toEqual([]);
});
