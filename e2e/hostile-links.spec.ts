import { expect, test } from '@playwright/test';
import { openApp, pngBytes, scene, uploadAndPredict } from './helpers';

// issue 24: a link cut mid-escape, or with bytes that are not UTF-8, used to leave a blank page
// ("URIError: URI malformed" in tfjs's flag parsing, before any of the app's code ran)
for (const [query, name] of [
  ['&x=%', 'x'],
  ['&o=%ff', 'o'],
  ['&lang=%ff', 'lang'],
  ['&foo=%ff&block=2', 'foo'],
] as const) {
  test(`a link with a broken escape (${query.slice(1)}) opens the app and names "${name}"`, async ({ page }) => {
    // wasm: the link is under test here, not the backend
    const errors = await openApp(page, `&backend=wasm${query}`);
    const notice = page.getByTestId('link-notice');
    await expect(notice).toHaveAttribute('data-code', 'params');
    await expect(notice).toContainText(`: ${name}.`);
    await expect(page.getByTestId('top1')).toBeVisible();
    // what was understood still applies, and the broken parameter leaves the address bar
    if (query.includes('block=2')) await expect(page.getByTestId('inspector')).toHaveAttribute('data-block', '2');
    await uploadAndPredict(page, 'after-link.png', pngBytes(40, 40, scene(5)));
    await expect.poll(() => new URL(page.url()).search).not.toContain(query.slice(1).split('&')[0]);
    expect(errors).toEqual([]);
  });
}
