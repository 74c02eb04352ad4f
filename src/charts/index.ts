export { renderGradeBars, gradeBarsDescription, GRADE_VALUES } from './gradeBars';
export { renderComparison, comparisonSentence, type ComparisonOptions } from './comparison';
export { renderItemShares, itemSharesFromRows, itemSharesDescription, type ItemShare, type ItemSharesOptions } from './itemShares';
export {
  renderKommuneOverTime, renderNationalOverTime, overTimeSentence,
  type GradePoint, type GradeSeries, type KommuneOverTimeOptions, type NationalOverTimeOptions,
} from './overTime';
export { renderStackedGrades, gradeShares, stackedDescription, type StackedBar, type StackedOptions } from './stacked';
export { renderBars, type Bar, type BarGroup, type BarsOptions } from './bars';
export { createDocument, renderPlot, unknownPatternId, type FigureText } from './common';
export type { GradeBarsOptions } from './gradeBars';
