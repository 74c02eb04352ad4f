import { describe, expect, it } from 'vitest';
import {
  buildModel, changes, classify, kommuneHistory, longTable, longTableCsv, longTableExcelCsv, movers,
  nationalDistribution, overTime, overTimeArtefacts, redirects, redirectsFile, redirectPages, OVERTIME_FILES,
} from '../../src/lib/pipeline/overTime';
import { link2020to2024, year2021, year2024, k, row } from './fixtures';

const model = () => buildModel([year2024, year2021], [link2020to2024]);

describe('kommuneHistory', () => {
  it('shows both years for Asker, renumbered 3025 → 3203, as directly comparable', () => {
    const h = kommuneHistory(model(), '3203')!;
    expect(h.entries.map((e) => [e.year, e.kommunenummer, e.comparable])).toEqual([
      [2021, '3025', true],
      [2024, '3203', true],
    ]);
    expect(h.hasIncomparable).toBe(false);
    expect(h.answeredYears).toEqual([2021, 2024]);
    const prio = h.sentences.find((s) => s.theme === 'prioritering')!;
    expect(prio.text).toBe('Digital prioritering: grad 1 i 2021 → grad 4 i 2024');
    expect(h.sentences.find((s) => s.theme === 'aktivitet')!.text).toBe('Digital aktivitet: grad 1 i 2021 → grad 0 i 2024');
    expect(h.sentences.find((s) => s.theme === 'kompetanse')!.text).toBe('Digital kompetanse: kategori D i 2021 → kategori A i 2024');
    expect(h.notes.join(' ')).toContain('3025');
    expect(h.notes.join(' ')).toContain('direkte sammenlignbare');
  });

  it('gives Ålesund (1508) and Haram (1580) the former Ålesund’s 2021 figures, marked not directly comparable', () => {
    for (const [nr, navn, prio2024] of [['1508', 'Ålesund', 4], ['1580', 'Haram', 1]] as const) {
      const h = kommuneHistory(model(), nr)!;
      expect(h.kommunenavn).toBe(navn);
      expect(h.entries.map((e) => [e.year, e.kommunenummer, e.endring, e.comparable])).toEqual([
        [2021, '1507', 'delt', false],
        [2024, nr, 'uendret', true],
      ]);
      expect(h.hasIncomparable).toBe(true);
      const prio = h.sentences.find((s) => s.theme === 'prioritering')!.text;
      expect(prio).toBe(
        `Digital prioritering: grad 3 i 2021 (tidligere Ålesund, ikke direkte sammenlignbar) → grad ${prio2024} i 2024`,
      );
      const note = h.notes.join(' ');
      expect(note).toContain('1507');
      expect(note).toContain('Ålesund (1508) og Haram (1580)');
      expect(note).toContain('ikke direkte sammenlignbare');
    }
  });

  it('says «svarte ikke» for a year without an answer and notes a changed name', () => {
    const h = kommuneHistory(model(), '5001')!;
    expect(h.answeredYears).toEqual([2024]);
    expect(h.sentences[0].text).toBe('Digital prioritering: ukjent i 2021 (svarte ikke) → grad 4 i 2024');
    expect(h.notes).toEqual(['Kommunen het Trondheim i 2021.']);
  });

  it('gives one note per earlier kommune, naming every year of the same structure', () => {
    const year2022 = { ...year2021, year: 2022 };
    const m = buildModel([year2021, year2022, year2024], [link2020to2024]);
    expect(kommuneHistory(m, '3203')!.notes).toEqual([
      'Asker hadde kommunenummer 3025 i 2021 og 2022; i dag er nummeret 3203. Kommunen har samme område, så tallene er direkte sammenlignbare.',
    ]);
    const haram = kommuneHistory(m, '1580')!;
    expect(haram.notes).toHaveLength(1);
    expect(haram.notes[0].startsWith('Tallene for 2021 og 2022 gjelder tidligere Ålesund kommune (1507)')).toBe(true);
    expect(haram.entries.map((e) => e.year)).toEqual([2021, 2022, 2024]);
  });

  it('returns null for a number that is not a current kommune', () => {
    expect(kommuneHistory(model(), '3025')).toBeNull();
  });
});

describe('changes between 2021 and 2024', () => {
  // Grades by hand from fixtures.ts (prioritering, aktivitet):
  //   Oslo 2,3 → 3,3: opp(+1), samme      Asker 1,1 → 4,0: opp(+3), ned(−1)
  //   Rana 4,4 → 2,4: ned(−2), samme      Våler 0,2 → 0,ukjent: samme, ikke sammenlignbar
  //   Ålesund/Haram: split → ikke sammenlignbar   Trondheim: did not answer 2021 → ikke sammenlignbar
  const rows = () => changes(model(), 2021, 2024);
  const get = (nr: string) => rows().find((r) => r.kommunenummer === nr)!;

  it('classifies every current kommune', () => {
    expect(rows().map((r) => r.kommunenummer)).toEqual(['0301', '1508', '1580', '1833', '3114', '3203', '5001']);
    const table = Object.fromEntries(rows().map((r) => [r.kommunenummer, [r.prioritering.change, r.aktivitet.change]]));
    expect(table).toEqual({
      '0301': ['annen_type', 'samme'], // 2 → 3: a change of kind, neither up nor down
      '1508': ['ikke_sammenlignbar', 'ikke_sammenlignbar'],
      '1580': ['ikke_sammenlignbar', 'ikke_sammenlignbar'],
      '1833': ['ned', 'samme'],
      '3114': ['samme', 'ikke_sammenlignbar'],
      '3203': ['opp', 'ned'],
      '5001': ['ikke_sammenlignbar', 'ikke_sammenlignbar'],
    });
  });

  it('records the difference and the reason', () => {
    expect(get('3203').prioritering).toMatchObject({ from: 1, to: 4, diff: 2 }); // levels 1 → 3 (grade 4)
    expect(get('3203').kommunenummer_fra).toEqual(['3025']);
    expect(get('1833').prioritering.diff).toBe(-1); // 4 → 2: one level down
    expect(get('1508').prioritering).toMatchObject({ reason: 'delt', diff: null, from: 3, to: 4 });
    expect(get('5001').aktivitet.reason).toBe('svarte_ikke');
    expect(get('3114').aktivitet.reason).toBe('ukjent_grad');
  });

  it('classify counts on the levels 0 < 1 < {2, 3} < 4: 2 ↔ 3 is «annen type»', () => {
    // Every pair, worked by hand from spec «Change between years».
    const table: [number, number, string, number][] = [
      [2, 3, 'annen_type', 0], [3, 2, 'annen_type', 0],
      [0, 1, 'opp', 1], [1, 2, 'opp', 1], [1, 3, 'opp', 1], [2, 4, 'opp', 1], [3, 4, 'opp', 1], [0, 4, 'opp', 3], [0, 3, 'opp', 2],
      [1, 0, 'ned', -1], [2, 1, 'ned', -1], [3, 1, 'ned', -1], [4, 2, 'ned', -1], [4, 3, 'ned', -1], [4, 0, 'ned', -3],
      [0, 0, 'samme', 0], [2, 2, 'samme', 0], [3, 3, 'samme', 0], [4, 4, 'samme', 0],
    ];
    for (const [from, to, change, diff] of table) {
      expect(classify(from as 0, to as 0), `${from} → ${to}`).toMatchObject({ change, diff });
    }
    expect(classify(null, 4).change).toBe('ikke_sammenlignbar');
  });

  it('lists the movers, largest move first', () => {
    const p = movers(rows(), 'prioritering');
    expect(p.up.map((m) => [m.kommunenummer, m.diff])).toEqual([['3203', 2]]); // 0301 moved 2 → 3: not a mover
    expect(p.down.map((m) => [m.kommunenummer, m.diff])).toEqual([['1833', -1]]);
    const a = movers(rows(), 'aktivitet', 1);
    expect(a.up).toEqual([]);
    expect(a.down.map((m) => m.kommunenummer)).toEqual(['3203']);
    expect(movers(rows(), 'prioritering', 1).up.map((m) => m.kommunenummer)).toEqual(['3203']);
    expect(p.upTied).toEqual([]);
  });

  it('keeps every kommune tied with the last mover listed, by name, and no one past the tie', () => {
    const row = (nr: string, navn: string, from: 0 | 1 | 2 | 3 | 4, to: 0 | 1 | 2 | 3 | 4) => ({
      kommunenummer: nr, kommunenavn: navn, kommunenummer_fra: [nr],
      prioritering: classify(from, to), aktivitet: classify(from, from),
    });
    const list = [row('0001', 'Å', 0, 2), row('0002', 'Bø', 0, 2), row('0003', 'Alta', 0, 2), row('0004', 'Ås', 0, 3), row('0005', 'Evje', 0, 1), row('0006', 'Hå', 4, 0)];
    const m = movers(list, 'prioritering', 2);
    // Levels 0 < 1 < {2, 3} < 4: 0 → 2 and 0 → 3 are both two steps; Norwegian order puts the Å names last.
    expect(m.up.map((r) => r.kommunenavn)).toEqual(['Alta', 'Bø']);
    expect(m.upTied.map((r) => r.kommunenavn)).toEqual(['Å', 'Ås']);
    expect(m.downTied).toEqual([]);
    expect(movers(list, 'prioritering', 4).upTied).toEqual([]);
  });

  it('judges comparability between the two years, not against today: a later split does not count', () => {
    // 2028: Oslo (0301) is split into 0301 Oslo and 0302 Nordre Oslo; Rana (1833) and Våler (3114)
    // merge into 1899 Ranvål. Comparing 2021 with 2024 is unaffected by both; 2024 → 2028 is not.
    const year2028 = {
      year: 2028, structure: '2028',
      indicators: [
        ...year2024.indicators.filter((r) => !['1833', '3114'].includes(r.kommunenummer)),
        k({ nr: '0302', navn: 'Nordre Oslo', prio: 4, akt: 4, innbyggere: 10 }),
        k({ nr: '1899', navn: 'Ranvål', prio: 4, akt: 4 }),
      ],
    };
    const rows2028 = year2024.indicators
      .filter((r) => !['0301', '1833', '3114'].includes(r.kommunenummer))
      .map((r) => row(r.kommunenummer, r.kommunenavn, r.kommunenummer, r.kommunenavn, 'uendret'));
    rows2028.push(
      row('0301', 'Oslo', '0301', 'Oslo', 'delt'), row('0301', 'Oslo', '0302', 'Nordre Oslo', 'delt'),
      row('1833', 'Rana - Raane', '1899', 'Ranvål', 'sammenslått'), row('3114', 'Våler (Østfold)', '1899', 'Ranvål', 'sammenslått'),
    );
    const m = buildModel([year2021, year2024, year2028], [link2020to2024, { from: '2024', to: '2028', rows: rows2028 }]);
    const early = changes(m, 2021, 2024);
    // Both of today's Oslo parts descend from the same 2021 and 2024 Oslo: up by one (2 → 3).
    expect(early.filter((r) => r.kommunenummer.startsWith('030')).map((r) => [r.kommunenummer, r.prioritering.change, r.prioritering.diff]))
      .toEqual([['0301', 'annen_type', 0], ['0302', 'annen_type', 0]]);
    const late = changes(m, 2024, 2028);
    const get = (nr: string) => late.find((r) => r.kommunenummer === nr)!;
    expect(get('0301').prioritering).toMatchObject({ change: 'ikke_sammenlignbar', reason: 'delt' });
    expect(get('1899').prioritering).toMatchObject({ change: 'ikke_sammenlignbar', reason: 'sammenslått' });
    expect(get('3203').prioritering).toMatchObject({ change: 'samme', diff: 0 });
    // The merged kommune's history lists both predecessors, neither directly comparable.
    const h = kommuneHistory(m, '1899')!;
    expect(h.entries.filter((e) => e.year === 2024).map((e) => [e.kommunenummer, e.comparable])).toEqual([['1833', false], ['3114', false]]);
  });

  it('rejects a year that is not there or the wrong order', () => {
    expect(() => changes(model(), 2018, 2024)).toThrow(/2018/);
    expect(() => changes(model(), 2024, 2021)).toThrow();
  });
});

describe('longTable', () => {
  it('has one row per kommune and year with both numbers', () => {
    const rows = longTable(model());
    expect(rows).toHaveLength(year2021.indicators.length + year2024.indicators.length);
    const asker2021 = rows.find((r) => r.year === 2021 && r.kommunenummer === '3025')!;
    expect(asker2021).toMatchObject({
      kommunenummer_gjeldende: '3203', kommunenavn_gjeldende: 'Asker', endring: 'nytt_nummer', prioritering: 1,
    });
    const asker2024 = rows.find((r) => r.year === 2024 && r.kommunenummer === '3203')!;
    expect(asker2024).toMatchObject({ kommunenummer_gjeldende: '3203', endring: 'uendret', prioritering: 4 });
    // The split: one row for the former Ålesund, leading to the larger part, listing both parts.
    const alesund = rows.filter((r) => r.year === 2021 && r.kommunenummer === '1507');
    expect(alesund).toHaveLength(1);
    expect(alesund[0]).toMatchObject({ kommunenummer_gjeldende: '1508', endring: 'delt', etterfolgere: '1508 1580' });
    const trondheim2021 = rows.find((r) => r.year === 2021 && r.kommunenummer === '5001')!;
    expect(trondheim2021.svart).toBe(0);
    expect(trondheim2021.prioritering).toBeNull();
  });

  it('writes CSV with the kommunenummer as text and unknown as an empty cell', () => {
    const csv = longTableCsv(longTable(model()));
    const lines = csv.trim().split('\n');
    expect(lines[0].startsWith('year,kommunenummer,kommunenavn,fylkesnummer,kommunenummer_gjeldende,kommunenavn_gjeldende,endring')).toBe(true);
    expect(lines.some((l) => l.startsWith('2021,0301,Oslo,03,0301,Oslo,uendret,0301,1,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('2021,3025,Asker,30,3203,Asker,nytt_nummer,3203,1,'))).toBe(true);
    const tr = lines.find((l) => l.startsWith('2021,5001,'))!;
    expect(tr).toMatch(/^2021,5001,Trondheim,50,5001,Trondheim - Tråante,uendret,5001,0,,/);
    const excel = longTableExcelCsv(longTable(model()));
    expect(excel.startsWith('\uFEFFyear;kommunenummer;')).toBe(true);
    expect(excel).toContain(';Våler (Viken);');
  });
});

describe('redirects', () => {
  it('leads every old page to the current one, once', () => {
    const list = redirects(model());
    expect(list.map((r) => [r.from, r.to])).toEqual([
      ['/kommune/1507-alesund/', '/kommune/1508-alesund/'],
      ['/kommune/1833-rana/', '/kommune/1833-rana-raane/'],
      ['/kommune/3018-valer-viken/', '/kommune/3114-valer-ostfold/'],
      ['/kommune/3025-asker/', '/kommune/3203-asker/'],
      ['/kommune/5001-trondheim/', '/kommune/5001-trondheim-traante/'],
    ]);
    const alesund = list.find((r) => r.kommunenummer_fra === '1507')!;
    expect(alesund.note).toContain('Haram (1580)');
    expect(alesund.endring).toBe('delt');
  });

  it('follows a chain of structure pairs to the latest number', () => {
    const year2028 = {
      year: 2028, structure: '2028',
      indicators: year2024.indicators.map((r) => (r.kommunenummer === '3203' ? { ...r, kommunenummer: '3299', prioritering: 2 as const } : r)),
    };
    const link2024to2028 = {
      from: '2024', to: '2028',
      rows: year2024.indicators.map((r) =>
        r.kommunenummer === '3203'
          ? row('3203', 'Asker', '3299', 'Asker', 'nytt_nummer')
          : row(r.kommunenummer, r.kommunenavn, r.kommunenummer, r.kommunenavn, 'uendret')),
    };
    const m = buildModel([year2021, year2024, year2028], [link2024to2028, link2020to2024]);
    const h = kommuneHistory(m, '3299')!;
    expect(h.entries.map((e) => [e.year, e.kommunenummer, e.comparable])).toEqual([
      [2021, '3025', true], [2024, '3203', true], [2028, '3299', true],
    ]);
    expect(h.sentences[0].text).toBe('Digital prioritering: grad 1 i 2021 → grad 4 i 2024 → grad 2 i 2028');
    const list = redirects(m);
    expect(list.filter((r) => r.to === '/kommune/3299-asker/').map((r) => r.from))
      .toEqual(['/kommune/3025-asker/', '/kommune/3203-asker/']);
    // Haram kept its number from 2024 to 2028: the 1507 split still leads to the larger part.
    expect(list.find((r) => r.kommunenummer_fra === '1507')!.to).toBe('/kommune/1508-alesund/');
  });

  it('marks a number the chain cannot follow as unknown, without a redirect', () => {
    const orphan = { ...year2021, indicators: [...year2021.indicators, k({ nr: '9999', navn: 'Ukjentby', prio: 1, akt: 1 })] };
    const m = buildModel([orphan, year2024], [link2020to2024]);
    expect(m.traces.get(2021)!.get('9999')!.endring).toBe('ukjent');
    expect(redirects(m).some((r) => r.kommunenummer_fra === '9999')).toBe(false);
    expect(longTable(m).find((r) => r.kommunenummer === '9999')!.kommunenummer_gjeldende).toBeNull();
  });

  it('writes a _redirects file under a base path and page data keyed by the old slug', () => {
    const list = redirects(model());
    const file = redirectsFile(list, '/sub/');
    expect(file.split('\n')).toContain('/sub/kommune/3025-asker/ /sub/kommune/3203-asker/ 301');
    expect(redirectPages(list).find((p) => p.kommunenummer_fra === '3025')!.slug).toBe('3025-asker');
  });
});

describe('national distribution', () => {
  it('counts each grade per year among respondents, unknown apart', () => {
    const d = nationalDistribution(model());
    const prio2021 = d.filter((r) => r.year === 2021 && r.indicator === 'prioritering');
    // 2021 prioritering: Våler 0, Asker 1, Oslo 2, Ålesund 3, Rana 4; Trondheim did not answer.
    expect(prio2021.map((r) => [r.value, r.count])).toEqual([['0', 1], ['1', 1], ['2', 1], ['3', 1], ['4', 1], ['ukjent', 1]]);
    expect(prio2021[0]).toMatchObject({ denominator: 5, share: 0.2, units: 6 });
    const akt2024 = d.filter((r) => r.year === 2024 && r.indicator === 'aktivitet');
    // 2024 aktivitet: Asker 0, Haram 1, Oslo 3, Ålesund 4, Rana 4, Trondheim 4, Våler unknown.
    expect(akt2024.map((r) => r.count)).toEqual([1, 1, 0, 1, 3, 1]);
    expect(akt2024.find((r) => r.value === '4')!.share).toBeCloseTo(3 / 6);
    expect(akt2024.find((r) => r.value === 'ukjent')!.share).toBeNull();
  });
});

describe('overTime artefacts', () => {
  it('compares the two latest years and writes every file', () => {
    const result = overTime({ years: [year2021, year2024], links: [link2020to2024] });
    expect(result.summary).toMatchObject({ fromYear: 2021, toYear: 2024, latestYear: 2024, redirectCount: 5, longRows: 13 });
    const opp = result.summary.changeCounts.find((c) => c.theme === 'prioritering' && c.change === 'opp')!;
    expect(opp.count).toBe(1);
    expect(result.summary.changeCounts.find((c) => c.theme === 'prioritering' && c.change === 'annen_type')!.count).toBe(1);
    const files = overTimeArtefacts(result);
    expect(Object.keys(files).sort()).toEqual(Object.values(OVERTIME_FILES).sort());
    expect(JSON.parse(files[OVERTIME_FILES.histories])['3203'].entries).toHaveLength(2);
    expect(JSON.parse(files[OVERTIME_FILES.redirects])).toHaveLength(5);
  });

  it('publishes fordeling, endringer and strategiområder as CSV and Excel CSV too, one row per JSON row', () => {
    const result = overTime({ years: [year2021, year2024], links: [link2020to2024] });
    const files = overTimeArtefacts(result);
    const lines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const strategyRows = result.strategy.areas.reduce((n, a) => n + a.years.length, 0);
    expect(result.distribution.length * result.changes.length).toBeGreaterThan(0);
    for (const [csv, excel, n] of [
      [OVERTIME_FILES.distributionCsv, OVERTIME_FILES.distributionExcel, result.distribution.length],
      [OVERTIME_FILES.changesCsv, OVERTIME_FILES.changesExcel, result.changes.length],
      [OVERTIME_FILES.strategyCsv, OVERTIME_FILES.strategyExcel, strategyRows],
    ] as const) {
      expect(lines(files[csv])).toHaveLength(n + 1);
      expect(files[csv].startsWith('\uFEFF')).toBe(false);
      expect(files[excel].startsWith('\uFEFF')).toBe(true);
      expect(files[excel]).toContain('\r\n');
      expect(lines(files[excel])).toHaveLength(n + 1);
      expect(lines(files[excel])[0].split(';').length).toBe(lines(files[csv])[0].split(',').length);
    }
    const oslo = result.changes.find((r) => r.kommunenummer === '0301')!;
    const header = lines(files[OVERTIME_FILES.changesCsv])[0].split(',');
    const row = lines(files[OVERTIME_FILES.changesCsv]).find((l) => l.startsWith('0301,'))!.split(',');
    expect(row[header.indexOf('prioritering_til')]).toBe(String(oslo.prioritering.to ?? ''));
    expect(row[header.indexOf('aktivitet_endring')]).toBe(oslo.aktivitet.change);
    // The Excel variant writes shares with a decimal comma.
    const shared = result.distribution.find((r) => r.share !== null && !Number.isInteger(r.share))!;
    expect(files[OVERTIME_FILES.distributionExcel]).toContain(String(shared.share).replace('.', ','));
    expect(files[OVERTIME_FILES.distributionCsv]).toContain(String(shared.share));
  });

  it('is deterministic whatever order the years come in', () => {
    const a = overTimeArtefacts(overTime({ years: [year2021, year2024], links: [link2020to2024] }));
    const b = overTimeArtefacts(overTime({ years: [year2024, year2021], links: [link2020to2024] }));
    expect(a).toEqual(b);
  });

  it('works with a single year (nothing to compare)', () => {
    const r = overTime({ years: [year2024], links: [] });
    expect(r.summary.fromYear).toBeNull();
    expect(r.changes).toEqual([]);
    expect(r.redirects).toEqual([]);
  });
});
