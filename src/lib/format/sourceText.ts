// The source line's wording, pure: which survey name goes with which years. SSB renamed the survey
// in 2022 («Bruk av IKT i offentlig sektor» → «Digitalisering og IKT i offentlig sektor»), so a
// figure spanning both names each one with its years.

export interface NamedYears { name: string; years: number[] }

const listYears = (ys: readonly number[]) =>
  ys.length === 1 ? String(ys[0]) : `${ys.slice(0, -1).join(', ')} og ${ys[ys.length - 1]}`;

/** Years grouped by survey name, in year order; consecutive years with the same name share a group. */
export function groupByName(years: readonly number[], nameOf: (year: number) => string): NamedYears[] {
  const groups: NamedYears[] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const name = nameOf(y);
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.years.push(y);
    else groups.push({ name, years: [y] });
  }
  return groups;
}

export function sourceText(groups: readonly NamedYears[], synthetic: boolean, opts: { map?: boolean } = {}): string {
  if (groups.length === 0) return '';
  const named = groups.map((g) => `«${g.name}» ${listYears(g.years)}`);
  const joined = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} og ${named[named.length - 1]}`;
  const parts = [synthetic
    ? (groups.length === 1
      ? `Kilde: syntetiske demodata etter skjemaet til SSBs «${groups[0].name}», ${listYears(groups[0].years)} (ikke SSBs tall)`
      : `Kilde: syntetiske demodata etter skjemaene til SSBs ${joined} (ikke SSBs tall)`)
    : `Kilde: SSB, ${joined}`];
  if (opts.map) parts.push('Kartgrunnlag: Kartverket (CC BY 4.0)');
  return `${parts.join('. ')}.`;
}
