// A downloadable figure («Last ned figur: SVG · PNG», «Last ned tallene: CSV», issue 10 §2): the
// same drawing the page shows, at the one article size, with the numbers behind it as a table.
import type { FigureSize } from './common';

type Cell = string | number | null;

/** The numbers behind a figure: one header, flat rows (written as UTF-8 CSV like indicators.csv). */
export interface FlatTable { header: string[]; rows: Cell[][] }

export interface FigureFile {
  /**
   * Path under /figur/ without extension, year-fixed (`2024/kommune/0301-oslo/sammenligning-prioritering`):
   * the latest year's pages and their /<år>/ copies link the same files, and the files keep their
   * figures after the next publication, like the year-fixed pages.
   */
  name: string;
  /** Title inside the file: says what, where and when without the page around it. */
  title: string;
  /** The source line of the figure on the page. */
  source: string;
  /** The figure as drawn at `size`; the page draws CHART_SIZE, the file ARTICLE_SIZE less its margin (standalone.ts). */
  draw(size: FigureSize): string | null;
  /** The drawing for the file when it differs from the article-size `draw` (maps: legend inside). */
  standalone?(): string | null;
  table(): FlatTable;
  /** A colour key for the file when the page gives it beside the figure as HTML. */
  legend?(): { fill: string; text: string }[];
}
