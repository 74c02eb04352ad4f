// Shared by every CLI that parses its arguments with node:util parseArgs.
/**
 * node:util parseArgs's errors («Unknown option '--bogus'…») in Norwegian, like every other
 * message the CLIs print. Unrecognised errors keep their own text.
 */
export function parseArgsMessage(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const message = err?.message ?? String(e);
  const token = /'([^']+)'/.exec(message)?.[1] ?? '';
  // «--out <value>» → --out; «-h, --help» → --help.
  const option = token.match(/--?[\w-]+/g)?.pop() ?? token;
  switch (err?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `ukjent valg «${option}»`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `uventet argument «${token}»: alle verdier gis med et valg, for eksempel --out <katalog>`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? `valget «${option}» mangler verdi` : `valget «${option}» tar ingen verdi`;
    default:
      return message;
  }
}
