// The line under every figure: which year, which source, and whether the numbers are synthetic.
import { survey, yearSummary } from './data';

export function sourceLine(year: number, opts: { map?: boolean } = {}): string {
  const y = yearSummary(year);
  const parts = [`Kilde: ${survey(year).title.replace(/\s*\(.*\)$/, '')}`];
  if (y.synthetic) parts[0] += ' – syntetiske demodata, ikke SSBs tall';
  if (opts.map) parts.push('Kartgrunnlag: Kartverket (CC BY 4.0)');
  return `${parts.join('. ')}. År: ${year}.`;
}
