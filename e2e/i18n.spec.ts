import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.describe('Korean browser', () => {
  test.use({ locale: 'ko-KR' });
  test('follows the browser language, toggles, and remembers the choice', async ({ page }) => {
    await openApp(page, '&backend=wasm');
    await expect(page.locator('h1')).toHaveText('SE 익스플레이너');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('h1')).toHaveText('SE Explainer');
    await page.reload();
    await openApp(page, '&backend=wasm');
    await expect(page.locator('h1')).toHaveText('SE Explainer');
  });
});
