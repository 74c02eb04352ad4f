// An output measured against a host's documented limits (hostLimits.ts): the build refuses to
// publish past one, and `npm run bench` prints the headroom of each.
import { HOST_LIMITS, LIMIT_ADVICE, LIMIT_KEYS, LIMIT_LABELS, type HostName, type LimitKey } from './hostLimits';

export interface OutputMeasure {
  files: number;
  bytes: number;
  largest: { path: string; bytes: number };
  staticRules: number;
  dynamicRules: number;
  headerRules: number;
  /** Size of `_redirects` and its longest line, when the profile writes one. */
  redirectsFileBytes: number;
  redirectLineChars: number;
  /** staticwebapp.config.json (Azure) and the CloudFront Function (S3), when written. */
  configBytes: number;
  functionBytes: number;
  headerValueChars: number;
}

export interface LimitCheck {
  key: LimitKey;
  label: string;
  value: number;
  limit: number;
  source: string;
  ok: boolean;
}

export function measured(m: OutputMeasure, key: LimitKey): number {
  switch (key) {
    case 'siteBytes':
      return m.bytes;
    case 'fileBytes':
      return m.largest.bytes;
    case 'redirectRules':
      return m.staticRules + m.dynamicRules;
    case 'staticRedirectRules':
      return m.staticRules;
    case 'dynamicRedirectRules':
      return m.dynamicRules;
    default:
      return m[key];
  }
}

export function checkLimits(host: HostName, m: OutputMeasure): LimitCheck[] {
  const limits = HOST_LIMITS[host].limits;
  return LIMIT_KEYS.filter((k) => limits[k]).map((key) => {
    const l = limits[key]!;
    const value = measured(m, key);
    return { key, label: LIMIT_LABELS[key], value, limit: l.value, source: l.source, ok: value <= l.value };
  });
}

const fmt = (n: number) => n.toLocaleString('nb-NO').replace(/\u00a0/g, ' ');

/** One message for every limit crossed: the limit, the count, where it is documented, what to do. */
export function limitFailureMessage(host: HostName, failed: LimitCheck[], largestPath?: string): string {
  const title = HOST_LIMITS[host].title;
  const lines = failed.map((c) => {
    const where = c.key === 'fileBytes' && largestPath ? ` (${largestPath})` : '';
    return `  ${c.label}: ${fmt(c.value)}${where}, grensen er ${fmt(c.limit)} (${c.source}). Gjør: ${LIMIT_ADVICE[c.key]}.`;
  });
  return [`Bygget passer ikke på ${title} (--host ${host}):`, ...lines].join('\n');
}
