import { expect, test } from './fixtures';
import { debug, pngBytes, scene, uploadAndPredict } from './helpers';

// Soak and leak runs: 20 passes in the default run (the tensor counts are exact, so a leak of one
// tensor per pass still shows), 200 in `npm run test:slow` (the slow project's metadata).
const passes = (): number => (test.info().project.metadata as { passes?: number }).passes ?? 20;

test('soak: classifications interleaved with as many interventions keep numTensors constant', async ({ gl: { page } }) => {
  const n = passes();
  test.setTimeout(Math.max(120_000, n * 3_000));
  await uploadAndPredict(page, 'soak.png', pngBytes(32, 32, scene(6)));
  const report = await page.evaluate((k) => window.__seExplainer!.soak(k), n);
  console.log(`soak: ${JSON.stringify(report)}`);
  expect(report.passes).toBe(n);
  expect(report.tensorsAfter).toBe(report.tensorsBefore);
  if (report.heapBefore !== null && report.heapAfter !== null) {
    // bounded: well under a megabyte per classification
    expect(report.heapAfter - report.heapBefore).toBeLessThan(50 * 2 ** 20);
  }
});

test('no tensors leak over many uploads (and block switching)', async ({ gl: { page } }) => {
  const n = passes();
  test.setTimeout(Math.max(300_000, n * 5_000));
  await uploadAndPredict(page, 'first.png', pngBytes(48, 48, scene(0)));
  const baseline = await debug(page, (d) => d.numTensors());
  expect(baseline).toBeGreaterThan(0);
  for (let i = 1; i <= n; i++) {
    await uploadAndPredict(page, `img${i}.png`, pngBytes(40 + (i % 100), 36 + 2 * (i % 100), scene(i)));
    if (i % 5 === 0) await page.getByTestId(`block-${i % 9}`).click().catch(() => {});
  }
  expect(await debug(page, (d) => d.numTensors())).toBe(baseline);
  expect(await debug(page, (d) => d.backend())).toBe('webgl');
});

test('no tensors leak over many model switches (SE ↔ plain, the image re-run each time)', async ({ gl: { page } }) => {
  const n = passes();
  test.setTimeout(Math.max(300_000, n * 5_000));
  await uploadAndPredict(page, 'first.png', pngBytes(48, 48, scene(3)));
  const baseline = await debug(page, (d) => d.numTensors());
  const names = { 'resnet20-cifar10': 'ResNet-20', 'se-resnet20-cifar10': 'SE-ResNet-20' } as const;
  for (let i = 0; i < n; i++) {
    const id = i % 2 === 0 ? 'resnet20-cifar10' : 'se-resnet20-cifar10';
    await page.getByTestId('model-picker').selectOption(id);
    await expect(page.getByTestId('model-name')).toHaveText(names[id]);
    await expect(page.getByTestId('top1')).toBeVisible();
  }
  // back on the SE model: the same tensors as before the first switch (old engines are disposed)
  await expect.poll(() => debug(page, (d) => d.numTensors())).toBe(baseline);
});
