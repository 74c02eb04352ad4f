// The browser and the demo site as the browser test files open them. One Chromium serves the
// whole run: the demo project's global setup launches it (launchTestBrowserServer) and each file
// connects to it, instead of every file starting and stopping its own; a file run outside that
// project launches its own. close() on a connected browser closes that file's contexts only.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type BrowserServer, type Download, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../../scripts/lib/chromium';
import { serveStatic, type StaticServer } from './server';
import { demoSite } from './site';

export { launchBrowser, CHROMIUM } from '../../scripts/lib/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    browserEndpoint: string;
  }
}

export function launchTestBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(CHROMIUM_LAUNCH);
}

/** The run's shared Chromium when the global setup started one, otherwise a browser of this file's own. */
export async function testBrowser(): Promise<Browser> {
  const { inject } = await import('vitest');
  const endpoint = inject('browserEndpoint');
  return endpoint ? chromium.connect(endpoint) : chromium.launch(CHROMIUM_LAUNCH);
}

export interface DemoInBrowser {
  site: string;
  server: StaticServer;
  browser: Browser;
}

/** The demo site served on 127.0.0.1 under '/', and the browser to read it with. */
export async function openDemo(): Promise<DemoInBrowser> {
  const site = await demoSite();
  const [server, browser] = await Promise.all([serveStatic(site, '/'), testBrowser()]);
  return { site, server, browser };
}

/** A download's bytes (download.path() is not there when the browser runs in another process). */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The pages a test file opens, in one browser context per set of context options (JavaScript off,
 * a touch screen, downloads, …) shared by the file's tests, and tabs used again: a page a test is
 * done with (release) is the next one opened with the same options. A new tab cost Chromium about
 * 1 s of CPU and a new context as much again, against 0.2–0.8 s to load a page in an open tab, and
 * the browser files opened a context and a tab for nearly every check. Loading a page in a used
 * tab gives a fresh document (no script state, focus or scroll carries over), and the site keeps
 * nothing in the browser (public/js uses no cookies and no storage): only the HTTP cache is
 * shared. The tab's listeners and routes are removed on release. A test that changes a context
 * (an init script) takes one of its own.
 */
export class Tabs {
  private readonly contexts = new Map<string, Promise<BrowserContext>>();
  private readonly idle = new Map<string, Page[]>();
  private readonly keys = new WeakMap<Page, string>();

  constructor(
    private readonly browser: () => Browser,
    private readonly defaults: { viewport: { width: number; height: number } } & BrowserContextOptions,
    private readonly onContext: (context: BrowserContext) => void = () => {},
  ) {}

  /** A tab sized before it loads anything (the viewport is the tab's, not the context's). */
  async open(options: BrowserContextOptions = {}): Promise<Page> {
    const { viewport, ...shared } = { ...this.defaults, ...options };
    const key = JSON.stringify(Object.entries(shared).sort());
    let context = this.contexts.get(key);
    if (!context) {
      context = this.browser().newContext(shared).then((c) => (this.onContext(c), c));
      this.contexts.set(key, context);
    }
    const page = this.idle.get(key)?.pop() ?? (await (await context).newPage());
    this.keys.set(page, key);
    if (viewport) await page.setViewportSize(viewport);
    return page;
  }

  /** The test is done with the page: it is opened again by the next test with the same options. */
  async release(page: Page): Promise<void> {
    const key = this.keys.get(page);
    if (!key || page.isClosed()) return;
    page.removeAllListeners();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    const idle = this.idle.get(key) ?? [];
    idle.push(page);
    this.idle.set(key, idle);
  }

  async close(): Promise<void> {
    for (const context of this.contexts.values()) await (await context).close().catch(() => {});
    this.contexts.clear();
    this.idle.clear();
  }
}
