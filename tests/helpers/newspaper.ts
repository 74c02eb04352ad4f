// «The newspaper»: a second local server, on another origin than the site, whose one article
// frames the site's pages. The embed tests use it to see what a re-publisher's readers see.
import { createServer } from 'node:http';

export interface Newspaper { origin: string; close: () => Promise<void> }

/** Serves `articleHtml` at every path; `articleHtml` is read at each request, so it may be set after start. */
export async function startNewspaper(articleHtml: () => string): Promise<Newspaper> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(articleHtml());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { origin, close: () => new Promise<void>((r) => server.close(() => r())) };
}
