// Global setup of the `demo` project: starts the demo build at the start of the run, through the
// same cached CLI build the tests use (cachedSite), without waiting for it, so the unit files and
// the build files run while it builds; a file that reads the site waits for it (demoSite).
import { cachedSite, stopBuilds } from './site';

export default function setup(): () => void {
  // An already built site named by DIGIKOMMUNE_TEST_SITE (see demoSite) is used as it is.
  if (!process.env.DIGIKOMMUNE_TEST_SITE) {
    // A failure reaches the files that wait for the site (demoSite throws the build's output).
    cachedSite('demo').catch(() => {});
  }
  return () => stopBuilds();
}
