// LCP and CLS of pages served from a local server, measured in Chromium with PerformanceObserver.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface Vitals {
  path: string;
  lcpMs: number;
  cls: number;
}

export async function measureVitals(browser: Browser, url: (path: string) => string, paths: string[], runs = 3): Promise<Vitals[]> {
  const out: Vitals[] = [];
  for (const path of paths) {
    const lcps: number[] = [];
    const clss: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh context per run: nothing cached, like a first visit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await observeVitals(context);
      const page = await context.newPage();
      await page.goto(url(path), { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const v = await readVitals(page);
      lcps.push(v.lcp);
      clss.push(v.cls);
      await context.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    out.push({ path, lcpMs: Math.round(median(lcps)), cls: Number(median(clss).toFixed(4)) });
  }
  return out;
}

// What the observers leave on the page's window for readVitals.
declare global {
  interface Window {
    __lcp: number;
    __cls: number;
  }
}

/** Starts LCP and CLS observers in every page the context opens, before any page script runs. */
export async function observeVitals(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window;
    w.__lcp = 0;
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) w.__cls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** LCP (ms, unrounded) and CLS seen so far on a page of a context passed to observeVitals. */
export async function readVitals(page: Page): Promise<{ lcp: number; cls: number }> {
  return page.evaluate(() => {
    return { lcp: window.__lcp, cls: window.__cls };
  });
}
