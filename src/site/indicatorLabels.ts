// Title and value labels of one indicator as figures and tables name it: the survey's grade
// labels by '0'…'4', or the kompetanse categories by 'A'…'D'.
import type { GradeKey, SurveyDefinition } from '../lib/types';

export function indicatorLabels(
  s: Pick<SurveyDefinition, 'grades' | 'kompetanse'>,
  indicator: GradeKey | 'kompetanse',
): { title: string; labels: Record<string, string> } {
  if (indicator === 'kompetanse') return { title: 'Digital kompetanse', labels: { ...s.kompetanse.categories } };
  const grade = s.grades[indicator];
  return { title: grade.title, labels: Object.fromEntries(grade.labels.map((l, i) => [String(i), l])) };
}
