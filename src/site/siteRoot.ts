// The Astro project the pages are built from, for the two things pages know of their own sources:
// which pages exist and the questionnaire forms in data/surveys. Read from disk rather than with
// `import.meta.glob`: Vite's glob plugin keys what it remembers by its build environment, and so
// keeps the whole server bundle's module graph (about 48 MB of heap) alive while every page renders.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SurveyDefinition } from '../lib/types';
import { artefactCache } from './data';

/** scripts/lib/astro.ts names it for the build; `astro dev` runs from the project. */
export function siteRoot(): string {
  return resolve(process.cwd(), process.env.DIGIKOMMUNE_SITE_ROOT || '.');
}

/** True when the project has the page `src/pages/<page>` (e.g. `utvikling/index.astro`). */
export function hasPage(page: string): boolean {
  const cache = artefactCache();
  const key = `page:${page}`;
  if (!cache.has(key)) cache.set(key, existsSync(join(siteRoot(), 'src', 'pages', page)));
  return cache.get(key) as boolean;
}

/** Every questionnaire form in the project's data/surveys, by id. */
export function surveyForms(): SurveyDefinition[] {
  const cache = artefactCache();
  if (!cache.has('surveyForms')) {
    const dir = join(siteRoot(), 'data', 'surveys');
    const forms = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SurveyDefinition);
    cache.set('surveyForms', forms.sort((a, b) => a.id.localeCompare(b.id)));
  }
  return cache.get('surveyForms') as SurveyDefinition[];
}
