// Answer shares per questionnaire item, block by block (/sporsmal/: the report's figures 3.1,
// 3.3, 4.1, 5.1–5.3). The list of blocks lives here so the page and the figure files are one list.
import type { ItemShareRow } from '../../lib/types';
import { itemSharesFromRows, renderItemShares } from '../../draw/charts/itemShares';
import { items, survey } from '../data';
import { sourceLine } from '../source';
import type { FigureFile } from './types';

export interface ItemBlockDef {
  block: string;
  title: string;
  /** Answers drawn as bars (one series each); the table shows every answer. */
  answers: string[];
  order: 'share' | 'input';
}

export interface ItemSection { id: 'prioritering' | 'aktivitet' | 'kompetanse'; heading: string; blocks: ItemBlockDef[] }

export function itemSections(year: number): ItemSection[] {
  const s = survey(year);
  const many = ['I ganske stor grad', 'I svært stor grad'];
  return [
    { id: 'prioritering', heading: s.grades.prioritering.title, blocks: [
      { block: 'gate', title: 'Portspørsmålene', answers: ['Ja'], order: 'input' },
      { block: 'strategi', title: `${s.simple.strategi.title}: områder strategien omtaler`, answers: s.simple.strategi.counts, order: 'share' },
      { block: 'strategi_ekstra', title: 'Om strategien', answers: ['Ja'], order: 'input' },
      { block: 'prosjekter', title: `${s.simple.prosjekter.title}: områder prosjektene skal påvirke`, answers: s.simple.prosjekter.counts, order: 'share' },
    ] },
    { id: 'aktivitet', heading: s.grades.aktivitet.title, blocks: [
      { block: 'sky', title: `${s.simple.sky.title}: områder tilrettelagt`, answers: s.simple.sky.counts, order: 'share' },
      { block: 'innkjop', title: `${s.simple.innkjop.title}: aktiviteter som gjøres digitalt`, answers: s.simple.innkjop.counts, order: 'input' },
      { block: 'tjenester', title: `${s.tjenester.title}: andel uten digitale tjenester`, answers: ['Ingen tjenester'], order: 'input' },
    ] },
    { id: 'kompetanse', heading: 'Digital kompetanse', blocks: [
      { block: 'interne', title: `${s.simple.interne.title}: løses mest internt`, answers: s.simple.interne.counts, order: 'input' },
      { block: 'hinder', title: 'Hindringer for digitalisering: i stor grad', answers: many, order: 'input' },
      { block: 'rekruttering', title: 'Rekruttering av IKT-spesialister', answers: ['Ja'], order: 'input' },
      { block: 'annet', title: 'Politiske føringer', answers: many, order: 'input' },
    ] },
  ];
}

export interface ItemBlockFigure extends FigureFile {
  rows: ItemShareRow[];
  among: string[];
}

export function itemBlockFigure(year: number, def: ItemBlockDef): ItemBlockFigure {
  const rows = items(year).filter((r) => r.block === def.block);
  const itemKeys = [...new Set(rows.map((r) => r.item))];
  const among = [...new Set(rows.map((r) => r.among))];
  const series = def.answers.length > 1;
  const chartItems = def.answers.flatMap((a) => itemSharesFromRows(rows, a, series ? a : undefined));
  // With several series, itemShares groups by label and keeps series order within each item.
  const ordered = series
    ? itemKeys.flatMap((key) => def.answers.map((a) => chartItems.find((c) => c.label === rows.find((r) => r.item === key)?.label && c.series === a)).filter((x) => x !== undefined))
    : chartItems;
  const title = `${def.title}, ${year}`;
  const description = `Andel ${among.join(' / ')} som svarte ${def.answers.map((a) => `«${a}»`).join(' eller ')}.`;
  return {
    name: `${year}/sporsmal/${def.block}`,
    title,
    source: sourceLine(year),
    rows,
    among,
    draw: (size) => rows.length > 0 && ordered.length > 0
      ? renderItemShares({ items: ordered, order: series ? 'input' : def.order, title, description, idPrefix: `svar-${def.block}`, ...size })
      : null,
    table: () => ({
      header: ['aar', 'blokk', 'sporsmal', 'kolonne', 'svar', 'antall', 'blant', 'nevner', 'andel'],
      rows: rows.map((r) => [year, r.block, r.label, r.item, r.answer, r.count, r.among, r.denominator, r.share]),
    }),
  };
}
