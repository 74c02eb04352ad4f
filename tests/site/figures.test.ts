import { describe, expect, it } from 'vitest';
import { stripStyle } from '../../src/site/figures/common';

describe('stripStyle', () => {
  it('removes every <style> element, which the CSP would block, and keeps the rest', () => {
    const svg = '<svg><style>.a{fill:red}</style><g/><style type="text/css">\n.b{}\n</style><path d="M0,0"/></svg>';
    expect(stripStyle(svg)).toBe('<svg><g/><path d="M0,0"/></svg>');
  });
});
