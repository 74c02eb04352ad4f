// Facts about the built demo site read from its own published files (downloads and manifest) and
// from the data definitions, so the tests do not restate what the code computes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KommuneIndicators, SurveyDefinition, YearEntry } from '../../src/lib/types';
import { ROOT } from './site';

export async function yearEntries(dataDir = join(ROOT, 'data')): Promise<YearEntry[]> {
  const { readdir } = await import('node:fs/promises');
  const names = (await readdir(join(dataDir, 'years'))).filter((f) => f.endsWith('.json')).sort();
  const out: YearEntry[] = [];
  for (const n of names) out.push(JSON.parse(await readFile(join(dataDir, 'years', n), 'utf8')));
  return out.sort((a, b) => a.year - b.year);
}

export async function surveyDef(id: string, dataDir = join(ROOT, 'data')): Promise<SurveyDefinition> {
  return JSON.parse(await readFile(join(dataDir, 'surveys', `${id}.json`), 'utf8'));
}

/** The indicator rows the site published for a year (its own download). */
export async function publishedIndicators(site: string, year: number): Promise<KommuneIndicators[]> {
  return JSON.parse(await readFile(join(site, 'data', String(year), 'indicators.json'), 'utf8'));
}
