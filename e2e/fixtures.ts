/**
 * Warmed pages shared by the tests of one worker (issue 23): the app opened once per backend,
 * with its model loaded and its first example classified, and reset between tests through the
 * debug hook (`reset()`, src/store/debugReset.ts) instead of a cold start in a fresh context
 * (on software WebGL that start, with its shader warm-up, costs seconds per test).
 *
 *   test('…', async ({ wasm: { page, errors } }) => …)   // UI, i18n, accessibility, layout
 *   test('…', async ({ gl: { page, errors } }) => …)     // what the WebGL numbers must show
 *
 * A test that fails leaves its page behind (the next test opens a new one). Tests about start-up
 * (first visit, backend, faults, hosting, offline, update, own models, links opened in a fresh
 * browser) keep Playwright's `page` in a fresh context.
 */
import { devices, expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { debug, type ResetTo } from './debugHook';
import { watchRejections } from './helpers';

export { expect };
export type Backend = 'webgl' | 'wasm';

/** a warmed page and the page errors seen during this test */
export interface Warm {
  page: Page;
  errors: string[];
}

interface Held extends Warm {
  context: BrowserContext;
}

class WarmPages {
  private held = new Map<Backend, Promise<Held>>();
  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string | undefined,
  ) {}

  get(b: Backend): Promise<Held> {
    let h = this.held.get(b);
    if (!h) {
      h = this.open(b);
      this.held.set(b, h);
      h.catch(() => this.held.delete(b));
    }
    return h;
  }

  private async open(b: Backend): Promise<Held> {
    const context = await this.browser.newContext({ ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, baseURL: this.baseURL, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await watchRejections(page);
    await page.goto(`/?debug=1&backend=${b}`);
    await expect.poll(() => page.evaluate(() => window.__seExplainer?.ready() ?? false), { timeout: 90_000 }).toBe(true);
    await debug(page, (d) => d.restored());
    return { context, page, errors };
  }

  async drop(b: Backend) {
    const h = this.held.get(b);
    this.held.delete(b);
    const held = await h?.catch(() => null);
    await held?.context.close().catch(() => {});
  }

  async closeAll() {
    for (const b of [...this.held.keys()]) await this.drop(b);
  }
}

/** the start state of a warmed page: a plain visit (explorer, English), reset without a reload */
export async function resetTo(page: Page, to: ResetTo = {}) {
  await page.evaluate((t) => window.__seExplainer!.reset(t), to);
  await expect(page.getByTestId('top1')).toBeVisible();
}

async function warm(pages: WarmPages, b: Backend, provide: (w: Warm) => Promise<void>, failed: () => boolean) {
  const h = await pages.get(b);
  const { page } = h;
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
    window.__rejections = [];
  });
  await resetTo(page);
  h.errors.length = 0;
  await provide({ page, errors: h.errors });
  if (failed() || page.isClosed()) return pages.drop(b);
  try {
    for (const p of h.context.pages()) if (p !== page) await p.close();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ reducedMotion: null });
    await h.context.clearPermissions();
    // a test that navigated the page away from the app hands back a cold one
    if (!(await page.evaluate(() => window.__seExplainer?.ready() ?? false))) await pages.drop(b);
  } catch {
    await pages.drop(b);
  }
}

export const test = base.extend<{ gl: Warm; wasm: Warm }, { warmPages: WarmPages }>({
  warmPages: [
    async ({ browser }, use, workerInfo) => {
      const pages = new WarmPages(browser, workerInfo.project.use.baseURL);
      await use(pages);
      await pages.closeAll();
    },
    { scope: 'worker' },
  ],
  gl: async ({ warmPages }, use, testInfo) => warm(warmPages, 'webgl', use, () => testInfo.status !== testInfo.expectedStatus),
  wasm: async ({ warmPages }, use, testInfo) => warm(warmPages, 'wasm', use, () => testInfo.status !== testInfo.expectedStatus),
});
