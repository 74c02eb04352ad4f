// Norwegian number style: decimal comma, narrow no-break space (U+202F) between thousands so a
// number never wraps, and a no-break space (U+00A0) before the per cent sign («94,5 %»).
import { UNAVAILABLE, ZERO } from './symbols';
import { hasShare, MIN_DENOMINATOR } from '../rules/share';

export const THOUSANDS_SEP = '\u202F';
export const NBSP = '\u00A0';

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return UNAVAILABLE;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  // Four-digit numbers stay unbroken (SSB style: 2000, 12 000).
  const grouped = int.length <= 4 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEP);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '−' : ''}${grouped}${frac ? ',' + frac : ''}`;
}

/** `share` is a fraction 0–1; null gives SSB's «..». */
export function formatPercent(share: number | null | undefined, decimals = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return UNAVAILABLE;
  return `${formatNumber(share * 100, decimals)}${NBSP}%`;
}

export { MIN_DENOMINATOR };

/** A noun's singular and plural: «1 kommune», «2 kommuner», «0 kommuner». */
export interface Noun { one: string; other: string }
export const KOMMUNE: Noun = { one: 'kommune', other: 'kommuner' };

/** The form of `noun` that goes with `n`; a plain string is used as it is. */
export function nounFor(n: number, noun: Noun | string): string {
  return typeof noun === 'string' ? noun : n === 1 ? noun.one : noun.other;
}

/** «1 kommune», «12 kommuner». */
export function formatCountNoun(n: number, noun: Noun = KOMMUNE): string {
  return `${formatNumber(n)} ${nounFor(n, noun)}`;
}

/**
 * «41 av 98 kommuner (41,8 %)», «1 av 1 kommune». The noun agrees with the denominator. Below
 * MIN_DENOMINATOR the share is left out so tiny groups are not over-read; with a zero denominator
 * only the count is given.
 */
export function formatShare(count: number, denominator: number, noun: Noun | string = KOMMUNE): string {
  const word = nounFor(denominator, noun);
  const base = `${formatNumber(count)} av ${formatNumber(denominator)}${word ? ' ' + word : ''}`;
  if (!hasShare(denominator)) return base;
  return `${base} (${formatPercent(count / denominator)})`;
}

/** Machine-readable percent for CSV/data attributes: plain dot decimal, no symbol. */
export function percentValue(share: number | null, decimals = 1): string {
  return share === null ? '' : (share * 100).toFixed(decimals);
}

/** A count as SSB prints it in tables: 0 → «–», unknown → «..». */
export function formatCount(count: number | null | undefined): string {
  if (count === null || count === undefined) return UNAVAILABLE;
  if (count === 0) return ZERO;
  return formatNumber(count);
}
