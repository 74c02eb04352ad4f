import { afterEach, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareSnapshot, normaliseSvg } from './snapshot';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'snap-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('normaliseSvg', () => {
  test('renumbers ids in order and every reference to them, whole tokens only', () => {
    const svg = '<svg id="a-map" aria-labelledby="a-map-title"><title id="a-map-title">t</title>' +
      '<pattern id="a-map-ukjent"/><path fill="url(#a-map-ukjent)"/><style>#a-map a{}</style></svg>';
    const out = normaliseSvg(svg);
    expect(out).toContain('<svg id="id0" aria-labelledby="id1">');
    expect(out).toContain('fill="url(#id2)"');
    expect(out).toContain('#id0 a{}');
    expect(out).not.toContain('a-map');
  });

  test('rounds decimals to one place and puts tags on their own lines', () => {
    expect(normaliseSvg('<g transform="translate(10.04999,-0.04)"><rect width="3.25"/></g>'))
      .toBe('<g transform="translate(10,0)">\n<rect width="3.3"/>\n</g>\n');
  });
});

describe('compareSnapshot', () => {
  test('a missing snapshot is written and fails, unless updating', () => {
    const dir = tempDir();
    const first = compareSnapshot('x', '<svg/>', { dir, update: false });
    expect(first.ok).toBe(false);
    expect(first.message).toMatch(/new snapshot written, commit it/);
    expect(readFileSync(path.join(dir, 'x.svg'), 'utf8')).toBe('<svg/>\n');
    expect(compareSnapshot('y', '<svg/>', { dir, update: true }).ok).toBe(true);
  });

  test('an equal rendering passes and clears an old -changed file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x.svg'), '<svg/>\n');
    writeFileSync(path.join(dir, 'x-changed.svg'), 'old');
    expect(compareSnapshot('x', '<svg/>', { dir, update: false }).ok).toBe(true);
    expect(existsSync(path.join(dir, 'x-changed.svg'))).toBe(false);
  });

  test('a different rendering fails and writes <name>-changed.svg beside the snapshot', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x.svg'), '<svg/>\n');
    const result = compareSnapshot('x', '<svg><g/></svg>', { dir, update: false });
    expect(result.ok).toBe(false);
    expect(readFileSync(path.join(dir, 'x-changed.svg'), 'utf8')).toBe('<svg>\n<g/>\n</svg>\n');
    expect(readFileSync(path.join(dir, 'x.svg'), 'utf8')).toBe('<svg/>\n');
  });

  test('updating overwrites a changed snapshot', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x.svg'), '<svg/>\n');
    expect(compareSnapshot('x', '<svg><g/></svg>', { dir, update: true }).ok).toBe(true);
    expect(readFileSync(path.join(dir, 'x.svg'), 'utf8')).toBe('<svg>\n<g/>\n</svg>\n');
  });
});
