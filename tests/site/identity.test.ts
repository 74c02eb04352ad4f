// data/site.json is checked by one zod schema (src/lib/schema/site.ts): the committed file passes
// unchanged, and a bad file is refused with every problem naming the file and the field's path.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIdentity, publicationOrigin } from '../../src/lib/publication/identity';
import { ROOT } from '../helpers/site';

const committed = () => readFile(join(ROOT, 'data', 'site.json'), 'utf8');

describe('data/site.json', () => {
  it('the committed file is read as it is', async () => {
    const text = await committed();
    expect(parseIdentity(text, 'data/site.json')).toEqual(JSON.parse(text));
  });

  it('a bad file is refused with one line per problem, each naming the file and the path of the field', async () => {
    const site = JSON.parse(await committed());
    delete site.title;
    site.contact = { email: 'ikke-en-adresse', form: '' };
    site.licence.url = 4;
    site.accessibility.reviewed = '2026-02-30';
    site.accessibility.deviations = [{ what: 'Kartet', criterion: ' ', plan: 'Rettes' }];
    site.kontakt = { email: 'feilstavet@example.no' };
    const dir = await mkdtemp(join(tmpdir(), 'digikommune-site-'));
    try {
      const file = join(dir, 'site.json');
      await writeFile(file, JSON.stringify(site, null, 2));
      let message = '';
      try {
        parseIdentity(await readFile(file, 'utf8'), 'data/site.json');
      } catch (e) {
        message = (e as Error).message;
      }
      const lines = message.split('\n');
      expect(lines[0]).toBe('data/site.json kan ikke brukes:');
      expect(lines.slice(1).sort()).toEqual([
        '  data/site.json: felt «(hele fila)»: ukjente felt «kontakt»',
        '  data/site.json: felt «accessibility.deviations[0].criterion»: kan ikke være tom',
        '  data/site.json: felt «accessibility.reviewed»: er ikke en dato som finnes',
        '  data/site.json: felt «contact.email»: må være en e-postadresse',
        '  data/site.json: felt «licence.url»: fant et tall; forventet tekst',
        '  data/site.json: felt «title»: mangler; forventet tekst',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a contact is an e-mail address or an https form; an empty one counts as absent', async () => {
    const site = JSON.parse(await committed());
    const read = (contact: unknown) => parseIdentity(JSON.stringify({ ...site, contact }), 'site.json').contact;
    expect(read({ email: ' post@kommune.example.no ' })).toEqual({ email: 'post@kommune.example.no' });
    expect(read({ email: '', form: 'https://kommune.example.no/kontakt' })).toEqual({ form: 'https://kommune.example.no/kontakt' });
    expect(() => read({ form: 'http://kommune.example.no/kontakt' })).toThrow(/felt «contact\.form»: må være en https-adresse/);
    expect(() => read({})).toThrow(/felt «contact»: må ha «email» eller «form»/);
    expect(read(null)).toBeNull();
    // The demo (no contact) builds, but not for publication.
    expect(() => publicationOrigin(parseIdentity(JSON.stringify(site), 'site.json'), 'https://kommunetall.example.no', 'site.json')).toThrow(/krever et kontaktpunkt/);
  });

  it('refuses text that is not JSON, naming the file', () => {
    expect(() => parseIdentity('{ "publisher": ', 'data/site.json')).toThrow(/^data\/site\.json: ugyldig JSON/);
  });
});
