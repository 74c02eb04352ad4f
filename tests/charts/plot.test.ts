// The one way charts are drawn (src/draw/plot.ts): every chart module is a Plot chart, none writes
// SVG by hand, and what renderPlot returns is CSP-clean and one named image.
import { afterEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { keepDrawingsIn, renderPlot, renderSharedPlot } from '../../src/draw/plot';
import { ROOT } from '../helpers/site';

const CHARTS = join(ROOT, 'src', 'draw', 'charts');
const A11Y = { title: 'Tittel & <b>', description: 'Beskrivelse', idPrefix: 't', fontSize: 13 };

describe('chart modules', () => {
  const modules = readdirSync(CHARTS).filter((f) => f.endsWith('.ts'));

  test('each imports @observablehq/plot, or draws through bars.ts which does', () => {
    expect(readFileSync(join(CHARTS, 'bars.ts'), 'utf8')).toMatch(/from '@observablehq\/plot'/);
    for (const f of modules) {
      const text = readFileSync(join(CHARTS, f), 'utf8');
      expect(/from '@observablehq\/plot'/.test(text) || /from '\.\/bars'/.test(text), f).toBe(true);
    }
  });

  test('none writes chart elements as strings', () => {
    for (const f of modules) expect(readFileSync(join(CHARTS, f), 'utf8'), f).not.toMatch(/[`'"]<(rect|text|line|circle|path|g)\b/);
  });
});

describe('renderPlot', () => {
  const svg = renderPlot({ width: 200, height: 50, x: { domain: [0, 1] }, marks: [Plot.barX([0.5], { x: (d: number) => d })] }, A11Y);
  const doc = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
  const root = doc.querySelector('svg')!;

  test('no <style>, no style attribute, the fixed class whose rules are in site.css', () => {
    expect(svg).not.toMatch(/<style|\sstyle=/);
    expect(root.getAttribute('class')).toBe('dk-plot');
    const css = readFileSync(join(ROOT, 'src', 'styles', 'site.css'), 'utf8');
    expect(css).toMatch(/\.dk-plot \{[^}]*max-width: 100%/);
    expect(css).toMatch(/\.dk-plot text, \.dk-plot tspan \{ white-space: pre; \}/);
  });

  test('one image named by its <title> and <desc>, escaped; the marks hidden from screen readers', () => {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe('t-title t-desc');
    expect(doc.getElementById('t-title')!.textContent).toBe('Tittel & <b>');
    expect(svg).toContain('Tittel &amp; &lt;b&gt;');
    const marks = [...root.children].filter((c) => !['title', 'desc'].includes(c.tagName.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.getAttribute('aria-hidden')).toBe('true');
  });

  test('refuses the options that write inline styles or a <figure>', () => {
    for (const bad of [{ title: 'x' }, { caption: 'x' }, { style: { color: 'red' } }, { figure: true }]) {
      expect(() => renderPlot({ ...bad, marks: [] } as Plot.PlotOptions, A11Y)).toThrow(/inline stil|figure/);
    }
  });

  test('a legend asked for is left out (it would need the <figure> wrapper and style=): one <svg>, still CSP-clean', () => {
    const out = renderPlot({ color: { legend: true, domain: ['a', 'b'] }, marks: [Plot.barX(['a', 'b'], { x: 1, fill: (d: string) => d })] } as Plot.PlotOptions, A11Y);
    expect(out.startsWith('<svg')).toBe(true);
    expect(out).not.toMatch(/<figure|<div|swatch|\sstyle=|<style/);
  });
});

describe('renderSharedPlot', () => {
  const spec = (x: number) => () => ({ width: 200, height: 50, x: { domain: [0, 1] }, marks: [Plot.barX([x], { x: (d: number) => d })] }) as Plot.PlotOptions;
  const texts = [
    { title: 'Tittel', description: 'Beskrivelse' },
    { title: 'Tittel & <b>\u00a0nbsp', description: 'Oslo > Bergen 1.234567' },
    { title: 'Med «"» og =', description: 'a="1.25"' },
    { title: '', description: '' },
  ];

  test('gives for every title and description the string renderPlot gives', () => {
    for (const t of texts) {
      const o = { ...A11Y, ...t, idPrefix: 'delt', defs: '<pattern id="p"/>' };
      expect(renderSharedPlot({ x: 0.25 }, spec(0.25), o)).toBe(renderPlot(spec(0.25)(), o));
    }
  });

  test('draws the same inputs once, and other inputs or options afresh', () => {
    let drawn = 0;
    const counted = (x: number) => () => {
      drawn++;
      return spec(x)();
    };
    const o = { ...A11Y, idPrefix: 'telt' };
    renderSharedPlot({ x: 0.5 }, counted(0.5), { ...o, title: 'En' });
    renderSharedPlot({ x: 0.5 }, counted(0.5), { ...o, title: 'To', description: 'Annen' });
    expect(drawn).toBe(1);
    expect(renderSharedPlot({ x: 0.75 }, counted(0.75), o)).toBe(renderPlot(spec(0.75)(), o));
    const other = { ...o, idPrefix: 'annen', fontSize: 15, classes: 'dk-fluid' };
    expect(renderSharedPlot({ x: 0.5 }, counted(0.5), other)).toBe(renderPlot(spec(0.5)(), other));
    expect(drawn).toBe(3);
  });

  test('refuses a function among the inputs (it would not be part of the key)', () => {
    expect(() => renderSharedPlot({ colour: () => 'red' }, spec(0.5), A11Y)).toThrow(/funksjon/);
  });

  describe('with drawings kept between builds', () => {
    afterEach(() => keepDrawingsIn(null));
    const memoryStore = () => {
      const kept = new Map<string, string>();
      return { kept, get: (k: string) => kept.get(k), set: (k: string, svg: string) => void kept.set(k, svg) };
    };
    const never = () => {
      throw new Error('tegnet på nytt');
    };

    test('a drawing kept by an earlier build is used as it is, and gives what drawing it gives', () => {
      const store = memoryStore();
      keepDrawingsIn(store);
      const o = { ...A11Y, idPrefix: 'lagret' };
      const first = renderSharedPlot({ x: 0.5 }, spec(0.5), o);
      expect(store.kept.size).toBe(1);
      // The next build: nothing in memory, the drawing from the store; the spec is never made.
      keepDrawingsIn(store);
      expect(renderSharedPlot({ x: 0.5 }, never, o)).toBe(first);
      expect(renderSharedPlot({ x: 0.5 }, never, { ...o, title: 'Annen tittel' })).toBe(renderPlot(spec(0.5)(), { ...o, title: 'Annen tittel' }));
      // Other inputs are drawn, and kept.
      expect(renderSharedPlot({ x: 0.25 }, spec(0.25), o)).toBe(renderPlot(spec(0.25)(), o));
      expect(store.kept.size).toBe(2);
    });

    test('a kept entry that is not such a drawing is drawn again and replaced', () => {
      const store = memoryStore();
      keepDrawingsIn(store);
      const o = { ...A11Y, idPrefix: 'skadet' };
      renderSharedPlot({ x: 0.5 }, spec(0.5), o);
      const [key] = store.kept.keys();
      for (const bad of ['', '<svg>halv', 'ikke svg</svg>', '<svg></svg>']) {
        store.kept.set(key, bad);
        keepDrawingsIn(store);
        expect(renderSharedPlot({ x: 0.5 }, spec(0.5), o)).toBe(renderPlot(spec(0.5)(), o));
        expect(store.kept.get(key)).not.toBe(bad);
      }
    });
  });
});
