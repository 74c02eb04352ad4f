import { describe, expect, it } from 'vitest';
import { computeYear, writeArtefacts, formatCsv } from '../../src/lib/pipeline/index';
import { INDICATOR_COLUMNS } from '../../src/lib/types';
import { fixtureRegister, fixtureResponses, loadSurveyFile } from './helpers';

const survey = loadSurveyFile('2021');
const register = fixtureRegister();
const { rows, columns } = fixtureResponses(survey, register);

describe('artefacts', () => {
  const result = computeYear({ survey, rows, register, columns, year: 2021 });

  it('indicators.csv: contract header, nulls empty, svart 1/0, LF, no BOM', () => {
    const lines = result.indicatorsCsv.split('\n');
    expect(lines[0]).toBe('kommunenummer,svart,strategi_antall,strategi_score,prosjekt_antall,prosjekt_score,prioritering,sky_antall,sky_score,innkjop_antall,innkjop_score,tjenester_poeng,tjenester_score,bruk,aktivitet,interne_antall,interne_score,kompetansehinder,rekruttert,kompetanse');
    expect(lines).toHaveLength(14 + 2); // header, 14 rows, final empty after the last \n
    expect(lines.find((l) => l.startsWith('9909,'))).toBe('9909,0' + ','.repeat(INDICATOR_COLUMNS.length - 2));
    expect(lines.find((l) => l.startsWith('9904,'))).toBe('9904,1,,,5,2,,7,3,3,1,6,3,2,3,11,4,,1,');
    expect(result.indicatorsCsv.charCodeAt(0)).not.toBe(0xfeff);
    expect(result.indicatorsCsv).not.toContain('\r');
  });

  it('indicators-excel.csv: BOM, semicolons, CRLF, same cells', () => {
    const x = result.indicatorsExcelCsv;
    expect(x.charCodeAt(0)).toBe(0xfeff);
    const lines = x.slice(1).split('\r\n');
    expect(lines[0]).toBe(INDICATOR_COLUMNS.join(';'));
    expect(lines.slice(0, -1).map((l) => l.replace(/;/g, ','))).toEqual(result.indicatorsCsv.split('\n').slice(0, -1));
  });

  it('writeArtefacts writes every file once, in name order, through the given writer', async () => {
    const written: [string, string][] = [];
    await writeArtefacts(result, '/out', (p, d) => void written.push([p, d]));
    const names = written.map(([p]) => p);
    expect(names).toEqual([...names].sort());
    for (const f of ['indicators.csv', 'indicators-excel.csv', 'indicators.json', 'distributions.json', 'distributions.csv', 'items.json', 'items.csv']) {
      expect(names).toContain(f);
    }
    const json = JSON.parse(written.find(([p]) => p === 'indicators.json')![1]);
    expect(json.map((k: { kommunenummer: string }) => k.kommunenummer)).toEqual(register.map((r) => r.kommunenummer).sort());
    expect(JSON.parse(written.find(([p]) => p === 'distributions.json')![1])).toEqual(result.distributions);
  });

  it('no free text or contact detail from the input reaches any artefact', async () => {
    const all: string[] = [];
    await writeArtefacts(result, '/out', (_p, d) => void all.push(d));
    const text = all.join('\n');
    for (const secret of ['HEMMELIG', 'hemmelig.example', 'Kari Kontakt', '+47 999', '«privat»']) expect(text.includes(secret), secret).toBe(false);
  });
});

describe('formatCsv', () => {
  it('quotes delimiters, quotes and line breaks; empty for null', () => {
    expect(formatCsv(['a', 'b'], [{ a: 'x,y', b: null }, { a: 'si "hei"', b: 'linje\nto' }])).toBe('a,b\n"x,y",\n"si ""hei""","linje\nto"\n');
  });
});
