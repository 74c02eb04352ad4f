// The site benchmark's measuring: pages with the CSS/JS they load, inline SVG size, blocking JS.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { largestSvg, pageWeight } from '../../scripts/lib/measure';

const enc = (s: string) => new TextEncoder().encode(s);

describe('measure', () => {
  it('finds the largest outermost inline SVG', () => {
    const small = '<svg><rect/></svg>';
    const big = '<svg viewBox="0 0 1 1"><svg><path d="M0,0h100"/></svg><path d="M1,1"/></svg>';
    expect(largestSvg(`<p>${small}</p><div>${big}</div>`)).toBe(big.length);
    expect(largestSvg('<p>no svg</p>')).toBe(0);
  });

  it('adds each stylesheet and script once, and tells blocking JS from deferred JS', () => {
    const css = 'body{color:red}'.repeat(10);
    const mod = 'console.log(1)';
    const classic = 'document.write(1)';
    const html = `<link rel="stylesheet" href="/sub/a.css"><link rel="icon" href="/sub/f.svg"><script type="module" src="/sub/m.js"></script><script src="../../c.js"></script><link rel="stylesheet" href="/sub/a.css"><script src="https://cdn.example/x.js"></script><svg><path/></svg>`;
    const files: Record<string, string> = { '/a.css': css, '/m.js': mod, '/c.js': classic, '/f.svg': '<svg/>' };
    const w = pageWeight('/kommune/x/', html, '/sub/', (p) => (p in files ? enc(files[p]) : null));
    expect(w.htmlBytes).toBe(html.length);
    expect(w.totalBytes).toBe(html.length + css.length + mod.length + classic.length);
    expect(w.totalGzip).toBe(gzipSync(html, { level: 9 }).length + gzipSync(css, { level: 9 }).length + gzipSync(mod, { level: 9 }).length + gzipSync(classic, { level: 9 }).length);
    expect(w.jsBytes).toBe(mod.length + classic.length);
    expect(w.blockingJsBytes).toBe(classic.length);
    expect(w.largestSvgBytes).toBe('<svg><path/></svg>'.length);
  });

  it('adds what a module imports statically (once), not what it imports only when used', () => {
    const main = "import { rank } from './sok-kjerne.js';\nimport './felles.js';\nconst later = () => import('./sjelden.js');";
    const core = "import {\n  x,\n} from '../js/felles.js';\nexport const rank = 1;";
    const shared = 'export const x = 2;';
    const files: Record<string, string> = { '/js/sok.js': main, '/js/sok-kjerne.js': core, '/js/felles.js': shared, '/js/sjelden.js': 'x'.repeat(5000) };
    const html = '<script type="module" src="/js/sok.js"></script>';
    const w = pageWeight('/', html, '/', (p) => (p in files ? enc(files[p]) : null));
    expect(w.jsBytes).toBe(main.length + core.length + shared.length);
    expect(w.totalBytes).toBe(html.length + main.length + core.length + shared.length);
    expect(w.blockingJsBytes).toBe(0);
  });
});
