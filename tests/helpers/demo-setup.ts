// Global setup of the `demo` project: builds the demo site once per run, through the same cached
// CLI build the tests used to start themselves (cachedSite), and hands its path to every file.
import type { TestProject } from 'vitest/node';
import { resolve } from 'node:path';
import { cachedSite } from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    demoSite: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // An already built site named by DIGIKOMMUNE_TEST_SITE (see demoSite) is used as it is.
  const given = process.env.DIGIKOMMUNE_TEST_SITE;
  project.provide('demoSite', given ? resolve(given) : await cachedSite('demo'));
}
