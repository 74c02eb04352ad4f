// The line under every figure: which year, which source, and whether the numbers are synthetic.
import { survey, yearSummary } from './data';

export function sourceLine(year: number, opts: { map?: boolean } = {}): string {
  const y = yearSummary(year);
  // The definition's title names the questionnaire form («… 2021 (skjema …)»); the source is the survey year.
  const name = survey(year).title.replace(/\s*\(.*\)$/, '').replace(/\s+\d{4}$/, '');
  const parts = [y.synthetic
    ? `Kilde: syntetiske demodata etter skjemaet til SSBs «${name}», ${year} (ikke SSBs tall)`
    : `Kilde: SSB, «${name}» ${year}`];
  if (opts.map) parts.push('Kartgrunnlag: Kartverket (CC BY 4.0)');
  return `${parts.join('. ')}.`;
}

/** The same line for a figure spanning several survey years (/utvikling/). */
export function sourceLineYears(years: readonly number[], opts: { map?: boolean } = {}): string {
  if (years.length === 0) return '';
  const sorted = [...years].sort((a, b) => a - b);
  const yearText = sorted.length === 1 ? String(sorted[0]) : `${sorted.slice(0, -1).join(', ')} og ${sorted[sorted.length - 1]}`;
  const latest = sorted[sorted.length - 1];
  const name = survey(latest).title.replace(/\s*\(.*\)$/, '').replace(/\s+\d{4}$/, '');
  const synthetic = sorted.some((y) => yearSummary(y).synthetic);
  const parts = [synthetic
    ? `Kilde: syntetiske demodata etter skjemaet til SSBs «${name}», ${yearText} (ikke SSBs tall)`
    : `Kilde: SSB, «${name}» ${yearText}`];
  if (opts.map) parts.push('Kartgrunnlag: Kartverket (CC BY 4.0)');
  return `${parts.join('. ')}.`;
}
