import { expect, test } from '@playwright/test';
import { debug, pngBytes, scene, uploadAndPredict } from './helpers';
import { ownStaticServer } from './static-server';

// Its own server, so that the test can "deploy" a new build while a tab is open.
const server = ownStaticServer('dist');

test('a new deploy asks before it reloads, then the new version takes over', async ({ page, context }) => {
  await page.goto(`${server().url}/?debug=1`);
  await expect.poll(() => debug(page, (d) => d.ready()), { timeout: 90_000 }).toBe(true);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('update-prompt')).toHaveCount(0);

  // the next deploy: a service worker that differs by one line (a real deploy changes revisions)
  const sw = await server().original('sw.js');
  server().replace('/sw.js', `${sw}\nself.__deploy = 2;\n`);

  // reopening the tab makes the browser check the worker; the new one waits for the user
  await openAppAt(page, server().url);
  await expect(page.getByTestId('update-prompt')).toBeVisible({ timeout: 90_000 });
  const waiting = await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);
  expect(waiting).toBe(true);

  // the old version keeps working until the user chooses
  expect((await uploadAndPredict(page, 'before.png', pngBytes(40, 40, scene(2)))).cls.length).toBeGreaterThan(0);

  // "Reload": the waiting worker activates and the page reloads under it
  const reloaded = page.waitForEvent('load');
  await page.getByTestId('update-prompt').getByRole('button').first().click();
  await reloaded;
  await expect.poll(() => debug(page, (d) => d.ready()), { timeout: 90_000 }).toBe(true);
  await expect(page.getByTestId('update-prompt')).toHaveCount(0);
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { waiting: !!reg?.waiting, controlled: !!navigator.serviceWorker.controller };
  });
  expect(state).toEqual({ waiting: false, controlled: true });
  // the worker in charge is the new deploy's
  const workers = context.serviceWorkers();
  const deploys = await Promise.all(workers.map((w) => w.evaluate(() => (self as unknown as { __deploy?: number }).__deploy ?? 1)));
  expect(deploys).toContain(2);

  expect((await uploadAndPredict(page, 'after.png', pngBytes(40, 40, scene(3)))).cls.length).toBeGreaterThan(0);
});

async function openAppAt(page: import('@playwright/test').Page, url: string) {
  await page.goto(`${url}/?debug=1`);
  await expect.poll(() => debug(page, (d) => d.ready()), { timeout: 90_000 }).toBe(true);
}
