import { expect, test } from './fixtures';
import { debug, pngBytes, top1 } from './helpers';

const red = pngBytes(40, 40, () => [230, 20, 20]);

async function nextPrediction(page: import('@playwright/test').Page, before: number | null) {
  await expect.poll(() => debug(page, (d) => d.inputId())).not.toBe(before);
  return top1(page);
}

test('paste from the clipboard', async ({ wasm: { page } }) => {
  const before = await debug(page, (d) => d.inputId());
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'pasted.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, Array.from(red));
  await nextPrediction(page, before);
  await expect(page.getByTestId('input-meta')).toContainText('pasted.png');
});

test('drag and drop', async ({ wasm: { page } }) => {
  const before = await debug(page, (d) => d.inputId());
  const dt = await page.evaluateHandle((bytes) => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
    return d;
  }, Array.from(red));
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer: dt });
  await expect(zone).toHaveClass(/dragging/);
  await zone.dispatchEvent('drop', { dataTransfer: dt });
  await nextPrediction(page, before);
  await expect(page.getByTestId('input-meta')).toContainText('dropped.png');
});

test('webcam capture (Chromium fake camera)', async ({ wasm: { page } }) => {
  await page.context().grantPermissions(['camera']);
  const before = await debug(page, (d) => d.inputId());
  await page.getByTestId('camera-button').click();
  await expect(page.getByTestId('camera-capture')).toBeEnabled({ timeout: 20_000 });
  await page.getByTestId('camera-capture').click();
  await nextPrediction(page, before);
  await expect(page.getByTestId('input-meta')).toContainText('CAMERA');
  await expect(page.getByTestId('camera')).toHaveCount(0);
});

test('the generated sample', async ({ wasm: { page } }) => {
  const before = await debug(page, (d) => d.inputId());
  await page.getByTestId('sample-button').click();
  await nextPrediction(page, before);
});
