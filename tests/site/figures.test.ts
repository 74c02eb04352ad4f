import { describe, expect, it } from 'vitest';
import { barsSvg, escapeXml, stripStyle } from '../../src/site/figures';

describe('escapeXml', () => {
  it('escapes markup, quotes and ampersands from data', () => {
    expect(escapeXml(`<script>"Aust & Vest's"</script>`)).toBe('&lt;script&gt;&quot;Aust &amp; Vest&#39;s&quot;&lt;/script&gt;');
  });
});

describe('stripStyle', () => {
  it('removes every <style> element, which the CSP would block, and keeps the rest', () => {
    const svg = '<svg><style>.a{fill:red}</style><g/><style type="text/css">\n.b{}\n</style><path d="M0,0"/></svg>';
    expect(stripStyle(svg)).toBe('<svg><g/><path d="M0,0"/></svg>');
  });
});

describe('barsSvg', () => {
  it('draws one bar per datum, longest for the largest count, and escapes labels', () => {
    const svg = barsSvg([
      { label: 'A', short: 'A <b>', count: 10, share: 0.5, colour: '#111111' },
      { label: 'B', short: 'B', count: 5, share: 0.25, colour: '#222222', highlight: true },
      { label: 'Ukjent', short: 'Ukjent', count: 0, share: null, colour: '#eeeeee' },
    ], 'Tittel & «test»', 'k');
    const widths = [...svg.matchAll(/<rect x="\d+" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(widths[1]).toBe(widths[0] / 2);
    expect(widths[2]).toBe(0);
    expect(svg).toContain('A &lt;b&gt;');
    expect(svg).toContain('<title id="k-t">Tittel &amp; «test»</title>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('style');
  });

  it('prints count and Norwegian share after each bar, count only where the share is unknown', () => {
    const svg = barsSvg([
      { label: 'Mest interne', short: 'A', count: 137, share: 0.4363, colour: '#111111' },
      { label: 'Ukjent', short: 'Ukjent', count: 43, share: null, colour: '#eeeeee' },
    ], 'T', 'k2');
    expect(svg).toContain('>137 (43,6\u00A0%)</text>');
    expect(svg).toContain('>43</text>');
    expect(svg).toContain('A – Mest interne: 137 (43,6\u00A0%)');
  });
});
