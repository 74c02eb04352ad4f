// A kommune's grade against the distribution in its fylke, its size class and the nation.
import type { FigureText } from './common';
import { renderStackedGrades, type StackedBar } from './stacked';

export interface ComparisonOptions extends FigureText {
  kommunenavn: string;
  grade: number | null; // null: the kommune did not answer or its grade is unknown
  /** Usually nation, fylke and size class, each one distribution of the same indicator. */
  groups: StackedBar[];
  labels: readonly string[];
  width?: number;
}

export function comparisonSentence(kommunenavn: string, grade: number | null, labels: readonly string[]): string {
  return grade === null ? `${kommunenavn}: ukjent – svarte ikke.` : `${kommunenavn} har grad ${grade} – ${labels[grade]}.`;
}

export function renderComparison(options: ComparisonOptions): string {
  const { kommunenavn, grade, labels } = options;
  return renderStackedGrades({
    bars: options.groups,
    highlight: grade === null ? null : { grade, text: `Svart ramme: grad ${grade}, som ${kommunenavn} har` },
    width: options.width,
    title: options.title,
    description: `${options.description} ${comparisonSentence(kommunenavn, grade, labels)}`.trim(),
    idPrefix: options.idPrefix,
  });
}
