// The ten-year bench fixture (issue 17): the committed demo data directory plus synthetic copies of
// its latest year, so `npm run bench` can measure what a site of ten survey years weighs before
// ten years of surveys exist. A copy is the latest year under a later year number (same survey,
// structure and responses file), which is the worst plausible case: every kommune in every year.
//
//   npx tsx scripts/bench-fixture.ts --out <dir> [--copies 7]
//   npm run build -- --data <dir> --out <site>
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Years a fixture adds after the latest committed year: 7 copies make 3 demo years into 10. */
export const BENCH_COPIES = 7;

export interface BenchFixture {
  dataDir: string;
  years: number[];
}

/**
 * Writes the fixture's data directory to `dest` (replaced if present) and returns its years.
 * Reference data is not copied: the build finds it as it does for the demo (data/reference/,
 * ../shared/ or DIGIKOMMUNE_REFERENCE), since the copies use the latest year's structure.
 */
export async function makeBenchFixture(dest: string, copies = BENCH_COPIES, source = join(ROOT, 'data')): Promise<BenchFixture> {
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  for (const name of await readdir(source)) {
    if (name === 'reference') continue;
    await cp(join(source, name), join(dest, name), { recursive: true });
  }
  const yearFiles = (await readdir(join(dest, 'years'))).filter((f) => /^\d{4}\.json$/.test(f)).sort();
  const years = yearFiles.map((f) => Number(f.slice(0, 4)));
  const latest = Math.max(...years);
  const entry = JSON.parse(await readFile(join(dest, 'years', `${latest}.json`), 'utf8')) as Record<string, unknown>;
  const version = Number(entry.version ?? 1);
  const digestFile = join(dest, 'digests', `${latest}-v${version}.json`);
  const digest = existsSync(digestFile) ? (JSON.parse(await readFile(digestFile, 'utf8')) as Record<string, unknown>) : null;
  for (let i = 1; i <= copies; i++) {
    const year = latest + i;
    const shift = (d: unknown) => (typeof d === 'string' ? d.replace(/^\d{4}/, String(year)) : d);
    const copy = {
      ...entry,
      year,
      dataDate: shift(entry.dataDate),
      ...(entry.published ? { published: shift(entry.published) } : {}),
      note: `Benkfikstur: kopi av ${latest} (scripts/bench-fixture.ts). Ikke data.`,
    };
    await writeFile(join(dest, 'years', `${year}.json`), `${JSON.stringify(copy, null, 2)}\n`);
    // The copy's own digest, so the build does not ask for «npm run digest» for every copy.
    if (digest) await writeFile(join(dest, 'digests', `${year}-v${version}.json`), `${JSON.stringify({ ...digest, year }, null, 1)}\n`);
    years.push(year);
  }
  return { dataDir: dest, years };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, copies: { type: 'string', default: String(BENCH_COPIES) } } });
  if (!values.out) {
    console.error('Bruk: npx tsx scripts/bench-fixture.ts --out <katalog> [--copies 7]');
    process.exit(2);
  }
  const copies = Number.parseInt(values.copies!, 10);
  if (!Number.isInteger(copies) || copies < 0 || copies > 50) {
    console.error(`Feil: --copies må være et heltall 0–50, fikk «${values.copies}»`);
    process.exit(2);
  }
  const f = await makeBenchFixture(resolve(values.out), copies);
  console.log(`Benkfikstur i ${f.dataDir}: ${f.years.length} år (${f.years.join(', ')}). Bygg: npm run build -- --data ${f.dataDir} --out <katalog>`);
}
