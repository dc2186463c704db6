import { expect, test } from './fixtures';
import { debug, openApp, pngBytes, scene, uploadAndPredict } from './helpers';

test('switch to the plain ResNet and back: same image, link round trip, SE views say what they need', async ({ wasm: { page, errors }, browser, baseURL }) => {
  const picker = page.getByTestId('model-picker');
  await expect(picker.locator('option')).toHaveCount(2);
  await expect(page.getByTestId('model-name')).toHaveText('SE-ResNet-20');
  await uploadAndPredict(page, 'scene.png', pngBytes(96, 64, scene(5)));
  const seProbs = await debug(page, (d) => d.probs());
  // the same image through both networks side by side, without switching
  await page.getByTestId('ex-tab-sevsplain').click();
  await page.getByTestId('twin-run').click();
  await expect(page.getByTestId('twin-other')).toBeVisible();
  await expect(page.getByTestId('twin-this').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('twin-other').locator('li')).toHaveCount(5);
  const channels = await page.getByTestId('twin-this-out-grid').getAttribute('data-channels');
  await expect(page.getByTestId('twin-other-out-grid')).toHaveAttribute('data-channels', channels!);
  const twinTop = await page.getByTestId('twin-other').getAttribute('data-top');
  await expect(page.getByTestId('model-name')).toHaveText('SE-ResNet-20');

  await picker.selectOption('resnet20-cifar10');
  await expect(page.getByTestId('model-name')).toHaveText('ResNet-20');
  await expect(page.getByTestId('top1')).toBeVisible();
  // the same image (by name), run through the other network: other probabilities
  await expect(page.getByTestId('input-meta')).toContainText('scene.png');
  const plainProbs = await debug(page, (d) => d.probs());
  // the side-by-side view showed what the plain network itself says
  await expect(page.getByTestId('top1')).toHaveAttribute('data-class', twinTop!);
  expect(plainProbs).toHaveLength(seProbs.length);
  expect(plainProbs).not.toEqual(seProbs);
  // a plain network has no SE views: the inspector and the experiments say why
  await expect(page.getByTestId('needs-se')).toBeVisible();
  await expect(page.getByTestId('needs-se')).toContainText('no SE blocks');
  await expect(page.getByTestId('experiments')).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]model=resnet20-cifar10(&|$)/);

  // the link opens the plain model in a fresh browser
  const url = new URL(page.url());
  expect(url.searchParams.get('debug')).toBe('1');
  const other = await browser.newContext({ baseURL });
  const page2 = await other.newPage();
  await openApp(page2, `&${[...url.searchParams].filter(([k]) => k !== 'debug').map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`);
  await expect(page2.getByTestId('model-name')).toHaveText('ResNet-20');
  await expect(page2.getByTestId('top1')).toBeVisible();
  expect(await debug(page2, (d) => d.probs())).toEqual(plainProbs);
  await other.close();

  // and back to SE through the notice's button: the SE prediction again, the link without model=
  await page.getByTestId('switch-to-se').click();
  await expect(page.getByTestId('model-name')).toHaveText('SE-ResNet-20');
  await expect(page.getByTestId('experiments')).toBeVisible();
  await expect.poll(() => debug(page, (d) => d.probs())).toEqual(seProbs);
  await expect(page).not.toHaveURL(/model=/);
  expect(errors).toEqual([]);
});
