import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where it exists (CI, the dev machines); Playwright's own browser elsewhere.
const systemChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(systemChromium) ? systemChromium : undefined);

// These flags give tfjs a real WebGL2 context through SwiftShader (software GL) headless, and
// keep Chromium from trying to reach the network.
export const chromiumArgs = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } };
// screenshot-only tests, and the specs whose pass counts the slow project raises
const screens = ['**/screens.spec.ts', '**/lesson-screens.spec.ts'];
const slow = ['**/soak.spec.ts'];
const withPictures = ['**/presenter.spec.ts', '**/lesson-app.spec.ts', '**/examples.spec.ts'];
const pictures = /main states|lesson sections and presenter mode|lesson view at phone width|presenter slide|the worked example \(C = 4|input panel/;

export default defineConfig({
  testDir: 'e2e',
  // the models of issue 11's "bring your own model" tests, exported by the Python pipeline
  globalSetup: './e2e/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  // `npm run test:e2e` runs the default project; `npm run test:slow` the long soak and leak runs
  // (200 passes where the default run makes 20); `npm run test:screens` the screenshots for a
  // person to look at (test-results/, not committed). `npx playwright test` alone runs all three.
  projects: [
    { name: 'chromium', testIgnore: screens, use: chromium },
    { name: 'slow', testMatch: slow, metadata: { passes: 200 }, timeout: 900_000, use: chromium },
    // the screenshot specs, and the tests of the default run that save pictures on the way
    { name: 'screens', testMatch: [...screens, ...withPictures], grep: pictures, metadata: { screenshots: true }, use: chromium },
  ],
  webServer: {
    // the production build, served by Vite's preview server (the README's test command builds first)
    command: `node node_modules/vite/bin/vite.js preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
