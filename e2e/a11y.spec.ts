import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, resetTo, test } from './fixtures';
import { pngBytes, scene, uploadAndPredict } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

// on wasm, on the shared page in each language (the browser's language choosing the page's is
// e2e/i18n.spec.ts's test)
for (const lang of ['en', 'ko'] as const) {
  test.describe(`in ${lang}`, () => {
    test(`main view has no serious or critical axe violations`, async ({ wasm: { page } }) => {
      await resetTo(page, { lang });
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await uploadAndPredict(page, 'a.png', pngBytes(64, 64, scene(2)));
      expect(await seriousViolations(page)).toEqual([]);
    });

    test(`every experiments tab has no serious or critical axe violations`, async ({ wasm: { page } }) => {
      await resetTo(page, { lang });
      await uploadAndPredict(page, 'b.png', pngBytes(64, 64, scene(8)));
      for (const tab of ['interventions', 'ranking', 'gates', 'perclass', 'sevsplain']) {
        await page.getByTestId(`ex-tab-${tab}`).click();
        expect(await seriousViolations(page), tab).toEqual([]);
      }
    });
  });
}
