import { describe, expect, it } from 'vitest';
import { parseArgs } from 'node:util';
import { parseArgsMessage } from '../../scripts/lib/cli-args';

const options = { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
function messageFor(args: string[]): string {
  try {
    parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (e) {
    return parseArgsMessage(e);
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

describe('parseArgsMessage', () => {
  it('puts node:util parseArgs errors in Norwegian, naming the option', () => {
    expect(messageFor(['--bogus'])).toBe('ukjent valg «--bogus»');
    expect(messageFor(['--out'])).toBe('valget «--out» mangler verdi');
    expect(messageFor(['--help=ja'])).toBe('valget «--help» tar ingen verdi');
    expect(messageFor(['fil.csv'])).toMatch(/^uventet argument «fil\.csv»/);
  });

  it('keeps the text of any other error', () => {
    expect(parseArgsMessage(new Error('noe annet'))).toBe('noe annet');
  });
});
