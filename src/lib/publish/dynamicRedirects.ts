// Redirects by pattern, rendered by every host profile as the host's own dynamic rule (a splat or
// placeholder in `_redirects`, a regex in nginx/Apache/Caddy, a test in the CloudFront Function).
// They cost one rule each however many addresses they cover, so an address family that loses its
// files (figure files made in the browser instead, say) keeps answering with a 301 to the page
// that holds it. Site-relative, without the base; `:name` matches one path segment, a trailing
// `*` the rest (`:splat` in the target). Hosts apply them before files (as Cloudflare Pages does),
// so a pattern must only cover addresses that have no file.
//
// The figure files' old addresses → the page holding the figure (src/lib/publication/figureRedirects.ts).
import type { DynamicRedirect } from './redirectRules';
import { FIGURE_REDIRECTS } from '../publication/figureRedirects';

export const DYNAMIC_REDIRECTS: readonly DynamicRedirect[] = [...FIGURE_REDIRECTS];
