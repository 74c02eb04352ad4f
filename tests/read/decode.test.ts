import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/read/decode';
import { cp1252, utf8 } from './helpers';

const text = 'kommunenavn;svar\r\nBærum;Vet ikke\r\nÅs;Ikke relevant – «ja»\r\nØrland;€\r\n';

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeBytes(utf8(text))).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodeBytes(bytes)).toEqual({ text, encoding: 'utf-8', bom: true });
  });

  it('detects Windows-1252 when the bytes are not valid UTF-8, and æøå survive', () => {
    const bytes = cp1252(text);
    expect(bytes[text.indexOf('æ')]).toBe(0xe6); // really single-byte cp1252, not UTF-8
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(text);
  });

  it('honours a forced encoding', () => {
    // Valid UTF-8 bytes read as cp1252 on request give mojibake: the option really forces.
    expect(decodeBytes(utf8('æ'), 'windows-1252').text).toBe('Ã¦');
    expect(decodeBytes(cp1252('Bærum'), 'utf-8').text).toBe('B\uFFFDrum');
    expect(decodeBytes(cp1252('Bærum'), 'windows-1252')).toEqual({ text: 'Bærum', encoding: 'windows-1252', bom: false });
  });

  it('drops a UTF-8 BOM even when cp1252 is forced', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...cp1252('Ås')]);
    expect(decodeBytes(bytes, 'windows-1252').text).toBe('Ås');
  });

  it('reads UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0xe5, 0x00, 0x41, 0x00]);
    expect(decodeBytes(le)).toEqual({ text: 'åA', encoding: 'utf-16le', bom: true });
  });

  it('treats pure ASCII as UTF-8', () => {
    expect(decodeBytes(utf8('a,b\n1,2')).encoding).toBe('utf-8');
  });
});
