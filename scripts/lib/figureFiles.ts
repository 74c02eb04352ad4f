// The build's figure-file step (issue 10 §2): every downloadable figure of the site
// (src/site/figures) as SVG and CSV, made from the artefacts before the pages by the same
// functions the pages draw with, and its PNG drawn from that very SVG on the card workers while
// Astro builds the pages. Published under /figur/ beside the pages.
import { join } from 'node:path';
import type { BuildEffects } from './effects';
import { allFigureFiles } from '../../src/site/figures/all';
import { readingArtefacts } from '../../src/site/data';
import { figureFileCsv, figureFileSvg } from '../../src/site/figures/standalone';

export interface PreparedFigures { names: string[]; svgs: string[]; csvs: string[] }

export interface PublishedFigures { count: number; svgBytes: number; pngBytes: number; csvBytes: number; maxPngBytes: number }

/** Every figure file, drawn from the artefacts in `artefactDir` (passed to the data layer, no environment variable). */
export function prepareFigures(artefactDir: string): PreparedFigures {
  return readingArtefacts(artefactDir, () => {
    const out: PreparedFigures = { names: [], svgs: [], csvs: [] };
    for (const [name, figure] of allFigureFiles()) {
      const svg = figureFileSvg(figure);
      if (svg === null) throw new Error(`Figuren /figur/${name} står i listen over figurfiler, men kan ikke tegnes`);
      out.names.push(name);
      out.svgs.push(svg);
      out.csvs.push(figureFileCsv(figure));
    }
    return out;
  });
}

export async function publishFigures(fx: BuildEffects, outDir: string, figures: PreparedFigures, pngs: readonly Uint8Array[]): Promise<PublishedFigures> {
  const encoder = new TextEncoder();
  const made = new Set<string>();
  const sum: PublishedFigures = { count: figures.names.length, svgBytes: 0, pngBytes: 0, csvBytes: 0, maxPngBytes: 0 };
  for (let i = 0; i < figures.names.length; i++) {
    const base = join(outDir, 'figur', figures.names[i]);
    const dir = join(base, '..');
    if (!made.has(dir)) {
      await fx.mkdir(dir);
      made.add(dir);
    }
    const svg = encoder.encode(figures.svgs[i]);
    const csv = encoder.encode(figures.csvs[i]);
    await fx.writeFile(`${base}.svg`, svg);
    await fx.writeFile(`${base}.csv`, csv);
    await fx.writeFile(`${base}.png`, pngs[i]);
    sum.svgBytes += svg.length;
    sum.csvBytes += csv.length;
    sum.pngBytes += pngs[i].length;
    sum.maxPngBytes = Math.max(sum.maxPngBytes, pngs[i].length);
  }
  return sum;
}
