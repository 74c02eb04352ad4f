import { chromium } from 'playwright-core';
import { serveStatic } from './scripts/lib/serve.ts';
const srv = await serveStatic(process.argv[2] ?? 'dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const pages = process.argv.slice(4);
const width = Number(process.argv[3] ?? 1280);
for (const p of pages) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(srv.origin + p, { waitUntil: 'load' });
  const name = p.replace(/[^a-z0-9]+/gi, '_') + '_' + width;
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log(name, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.close();
}
await browser.close(); await srv.close?.();
process.exit(0);
