// The app-level half of `npm run bench` (issue 12): a fresh browser opens the app itself (not
// bench.html) through a proxy that counts every byte the server sends, and measures
//   coldLoadToFirstDrawnMs  navigation start → the first example's top-1 and the selected
//                           block's heatmaps drawn (the app's `se:first-drawn` mark)
//   firstVisitBytes         all response bytes of the visit, service-worker precache included,
//                           until offline is ready (counted at the server, as sent: compressed)
//   duplicates              paths whose body was sent more than once in that visit
//   hoverRedrawMs           the mouse moved onto a channel: the page's pointer event → the end of the
//                           frame that shows it (once settled)
//   hoverInputToFrameMs     the same from the moment the browser received the mouse move
//   hoverSyntheticEventMs   session 6's method: a synthetic pointerover fired from a timer → the
//                           end of the next frame that shows it
//   blockSwitchMs           click on another block → the next frame with its heatmaps
//   layoutShift             how much the page moved on its own until offline-ready: the sum of the
//                           browser's layout-shift scores (CLS sums them per burst and keeps the
//                           worst burst, so this is at least the page's CLS; ≤ 0.1 counts as good)
//   breakdown               the cold load's phases from the app's performance marks
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from '@playwright/test';

export interface Traffic {
  bytes: number;
  /** path (without query) → bodies sent with status 200 */
  bodies: Map<string, number>;
}

/** A proxy in front of `target` that counts the bytes of every response it passes on. */
export async function countingProxy(target: number): Promise<{ port: number; traffic: Traffic; reset(): void; close(): Promise<void> }> {
  const traffic: Traffic = { bytes: 0, bodies: new Map() };
  const server: Server = createServer((req, res) => {
    const up = request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html'); // one file, two names
      let body = 0;
      r.on('data', (chunk: Buffer) => {
        body += chunk.length;
        traffic.bytes += chunk.length;
      });
      r.on('end', () => {
        if (r.statusCode === 200 && body > 0) traffic.bodies.set(path, (traffic.bodies.get(path) ?? 0) + 1);
      });
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    traffic,
    reset: () => {
      traffic.bytes = 0;
      traffic.bodies.clear();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The cold load's phases (ms since navigation start), from the marks the app sets. */
async function breakdown(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav) {
      out.htmlMs = Math.round(nav.responseEnd);
      out.domContentLoadedMs = Math.round(nav.domContentLoadedEventEnd);
    }
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('se:')) out[m.name.slice(3)] = Math.round(m.startTime);
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      if (/weights\.bin$/.test(r.name)) out.weightsFetchedMs = Math.round(r.responseEnd);
      if (/\/assets\/main-[^/]*\.js$/.test(r.name)) out.mainJsFetchedMs = Math.round(r.responseEnd);
    }
    return out;
  });
}

async function nextFrame(page: Page, act: string, done: string): Promise<number> {
  // in the page: act, wait until `done` holds, then for the frame after it
  return page.evaluate(
    async ([act, done]) => {
      const t0 = performance.now();
      new Function(act)();
      const holds = new Function(`return (${done});`) as () => boolean;
      while (!holds()) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    },
    [act, done] as const,
  );
}

/**
 * Moves the mouse (the browser's own input path, as a real mouse does) onto `n` channel maps in
 * turn. For each: the page's `pointerover` → the end of the first frame in which the map is
 * highlighted (`redraw`), and the same from the event's time stamp, when the browser received the
 * move (`fromInput`). Chrome hands mouse moves to the page at the start of a frame, so `redraw` is
 * the page's work in that frame; a synthetic event fired from a timer would add, on average, half
 * a frame of waiting for the next one.
 */
async function hoverFrames(page: Page, n: number): Promise<{ redraw: number; fromInput: number }[]> {
  // a string: the bundler's helpers do not exist in the page
  await page.evaluate(`{
    window.__hoverFrames = [];
    addEventListener('pointerover', (e) => {
      const el = e.target;
      if (!(el instanceof Element) || !el.matches('[data-testid="u-cell"]')) return;
      const t0 = performance.now();
      let frames = 0;
      const frameEnd = () => requestAnimationFrame(() => setTimeout(() => {
        if (!el.classList.contains('active')) return ++frames < 120 && frameEnd(); // gives up after ~2 s
        const t = performance.now();
        window.__hoverFrames.push({ redraw: t - t0, fromInput: t - e.timeStamp });
      }, 0));
      frameEnd();
    }, true);
  }`);
  const cells = page.locator('[data-testid="u-cell"]');
  for (let c = 0; c < n; c++) {
    await cells.nth(c).scrollIntoViewIfNeeded();
    const box = await cells.nth(c).boundingBox();
    if (!box) throw new Error(`channel map ${c} is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((k) => (window as unknown as { __hoverFrames: unknown[] }).__hoverFrames.length > k, c, { timeout: 10_000 });
    await page.waitForTimeout(100);
  }
  return page.evaluate(() => (window as unknown as { __hoverFrames: { redraw: number; fromInput: number }[] }).__hoverFrames);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * A page of another site (`localhost`, where the app is served as 127.0.0.1) with one link to
 * the app, as a teacher's course page would have.
 */
export async function linkingPage(appUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Course page</title><p><a href="${appUrl}">SE Explainer</a></p>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * One fresh-browser visit to the app through the proxy: opened as Playwright opens a page (the
 * address put into the new tab's blank page), or, with `linkFrom`, by following a link on
 * another site's page.
 */
export async function visit(browser: Browser, url: string, proxy: { traffic: Traffic; reset(): void }, warm: boolean, linkFrom?: string) {
  proxy.reset();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // every document of the visit counts its own layout shifts (not those right after user input)
  await context.addInitScript(`(() => {
    window.__seLayoutShift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__seLayoutShift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  })()`);
  try {
    const page = await context.newPage();
    if (linkFrom) {
      // a page of another site that links to the app: the app gets a renderer of its own
      await page.goto(linkFrom);
      await page.waitForTimeout(1500); // a reader finds the link (the first page settles meanwhile)
      proxy.reset();
      await page.click('a');
    } else await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('se:first-drawn').length > 0, undefined, { timeout: 180_000 });
    const [coldLoadToFirstDrawnMs, shown] = await page.evaluate(() => {
      const m = performance.getEntriesByName('se:first-drawn')[0] as PerformanceMark;
      return [Math.round(m.startTime), m.detail as { top1: boolean; heatmaps: number }] as const;
    });
    // the mark is only worth timing if the result was on screen when it was set
    if (!shown.top1 || shown.heatmaps === 0) throw new Error(`se:first-drawn was set before the result was drawn: ${JSON.stringify(shown)}`);
    const phases = await breakdown(page);
    // the visit is over when the app is ready offline (precache + kept model and examples)
    await page.getByTestId('offline-ready').waitFor({ timeout: 180_000 });
    await page.waitForTimeout(500); // let the last responses finish at the proxy
    const firstVisitBytes = proxy.traffic.bytes;
    const layoutShift = (await page.evaluate('window.__seLayoutShift')) as number;
    const duplicates = [...proxy.traffic.bodies].filter(([, n]) => n > 1).map(([p]) => p);
    let hoverRedrawMs: number | null = null;
    let hoverInputToFrameMs: number | null = null;
    let hoverSyntheticEventMs: number | null = null;
    let blockSwitchMs: number | null = null;
    if (warm) {
      // warm = the engine has settled where it stays (WebGL after the wasm head start)
      await page.locator('[data-testid="backend"]:not([data-settling])').waitFor({ timeout: 180_000 });
      const hovers = await hoverFrames(page, 12);
      hoverRedrawMs = Math.round(median(hovers.map((h) => h.redraw)) * 10) / 10;
      hoverInputToFrameMs = Math.round(median(hovers.map((h) => h.fromInput)) * 10) / 10;
      // session 6's method, for comparison: a synthetic event fired from a timer, at a random
      // point of the frame cycle (includes the wait for the next frame)
      const synthetic: number[] = [];
      for (let c = 0; c < 11; c++) { // the mouse rests on map 11
        synthetic.push(
          await nextFrame(
            page,
            `const el = document.querySelectorAll('[data-testid="u-cell"]')[${c}]; el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));`,
            `document.querySelectorAll('[data-testid="u-cell"]')[${c}].classList.contains('active')`,
          ),
        );
      }
      hoverSyntheticEventMs = Math.round(median(synthetic) * 10) / 10;
      const blocks = await page.locator('[data-testid^="block-"]').count();
      const switches: number[] = [];
      for (let i = 0; i < 8; i++) {
        const b = (i * 4 + 1) % blocks;
        switches.push(
          await nextFrame(
            page,
            `document.querySelector('[data-testid="block-${b}"]').click();`,
            `document.querySelector('[data-testid="inspector"]')?.getAttribute('data-block') === '${b}' && document.querySelectorAll('[data-testid="u-cell"]').length > 0`,
          ),
        );
      }
      blockSwitchMs = Math.round(median(switches) * 10) / 10;
    }
    return { coldLoadToFirstDrawnMs, firstVisitBytes, duplicates, layoutShift, phases, hoverRedrawMs, hoverInputToFrameMs, hoverSyntheticEventMs, blockSwitchMs };
  } finally {
    await context.close();
  }
}

export { median };
