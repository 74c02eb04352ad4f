export { launchBrowser, CHROMIUM } from '../../scripts/lib/chromium';
