// Global setup of the `demo` project: starts the demo build at the start of the run, through the
// same cached CLI build the tests use (cachedSite), without waiting for it, so the unit files and
// the build files run while it builds; a file that reads the site waits for it (demoSite). And
// one Chromium for the whole run, which the browser files connect to (tests/helpers/browser.ts).
import type { TestProject } from 'vitest/node';
import { launchTestBrowserServer } from './browser';
import { cachedSite, stopBuilds } from './site';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // An already built site named by DIGIKOMMUNE_TEST_SITE (see demoSite) is used as it is.
  if (!process.env.DIGIKOMMUNE_TEST_SITE) {
    // A failure reaches the files that wait for the site (demoSite throws the build's output).
    cachedSite('demo').catch(() => {});
  }
  const browser = await launchTestBrowserServer();
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    stopBuilds();
    await browser.close();
  };
}
