// The browser and the demo site as the browser test files open them. One Chromium serves the
// whole run: the demo project's global setup launches it (launchTestBrowserServer) and each file
// connects to it, instead of every file starting and stopping its own; a file run outside that
// project launches its own. close() on a connected browser closes that file's contexts only.
import { chromium, type Browser, type BrowserServer, type Download } from 'playwright-core';
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
