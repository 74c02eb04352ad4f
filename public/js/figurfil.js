// Figure downloads made in the reader's browser from the figure on the page (issue 17 §4–5), so
// the site publishes no file per figure: the SVG is the page's own drawing with its title,
// colour key, source, the page's address and the licence inside; the PNG is that SVG drawn at
// twice its size; the CSV is the figure's table, also as «CSV for Excel» (semicolon, decimal
// comma, byte order mark), as /data/ offers it. The font is the site's Source Sans 3 subset,
// embedded in the file, so it looks the same in every program.
// Loaded by js/figur.js at the first click, so a page that is only read never fetches it.

import { EXCEL_CSV, PLAIN_CSV, writeCsv } from './csv.js';

const FONT = 'Source Sans 3';
const FONT_FILES = { 400: '../fonts/figur-regular.woff2', 600: '../fonts/figur-semibold.woff2' };
/**
 * The file is laid out at the drawing's own width (288 px for a page chart) with 13-px captions,
 * the size of the chart's own text, and then scaled as a whole to 640 px: scaling only the chart
 * would print its text twice the size of the title and source beside it.
 */
const FILE_WIDTH = 640;
const MARGIN = 12;
const FONT_SIZE = 13;
const LINE = Math.round(FONT_SIZE * 1.35);
const TITLE_SIZE = Math.round(FONT_SIZE * 1.25);
const TITLE_LINE = Math.round(TITLE_SIZE * 1.3);
const PAD = 8;
const MUTED = '#4a4a4a';
/** PNG pixels per SVG pixel: sharp on high-density screens and in print. */
export const PNG_SCALE = 2;

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

let fonts;
/** The two faces as base64, fetched once; also added to the document so text can be measured. */
function loadFonts() {
  fonts ??= Promise.all(Object.entries(FONT_FILES).map(async ([weight, file]) => {
    const response = await fetch(new URL(file, import.meta.url));
    if (!response.ok) throw new Error(`fonten ${file} svarte ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    try {
      const face = new FontFace(FONT, bytes, { weight });
      await face.load();
      document.fonts.add(face);
    } catch {
      // Measuring falls back to an average character width below.
    }
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { weight, base64: btoa(binary) };
  }));
  return fonts;
}

const canvas = document.createElement('canvas');
function measurer(size, weight) {
  const ctx = canvas.getContext('2d');
  const font = `${weight} ${size}px "${FONT}"`;
  const loaded = [...document.fonts].some((f) => f.family.replace(/"/g, '') === FONT && f.status === 'loaded');
  return (s) => {
    if (!loaded) return s.length * size * 0.55;
    ctx.font = font; // the canvas is shared between measurers
    return ctx.measureText(s).width;
  };
}

/**
 * Words into lines no wider than `width`. A word longer than a line (the page's address, at a
 * phone chart's width) breaks after its slashes, hyphens and #; a part still too long stands alone.
 */
function wrap(text, width, measure) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = measure(word) > width ? word.split(/(?<=[/#-])/) : [word];
    parts.forEach((part, i) => {
      const next = line ? `${line}${i === 0 ? ' ' : ''}${part}` : part;
      if (line && measure(next) > width) {
        lines.push(line);
        line = part;
      } else line = next;
    });
  }
  if (line) lines.push(line);
  return lines;
}

const textEl = (x, y, s, attrs = '') => `<text x="${x}" y="${y}"${attrs}>${esc(s)}</text>`;

/** The figure's drawing, without what only the page needs, at the width it was drawn for. */
function drawing(live) {
  const clone = live.cloneNode(true);
  for (const a of [...clone.querySelectorAll('a')]) a.replaceWith(...a.childNodes);
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    el.removeAttribute('tabindex');
    el.removeAttribute('class');
    el.removeAttribute('style');
    el.removeAttribute('focusable');
  }
  // The page's stylesheet set these; the file has none of it.
  const style = getComputedStyle(live);
  clone.setAttribute('font-size', style.fontSize);
  const box = live.getBoundingClientRect();
  const vb = live.viewBox && live.viewBox.baseVal;
  // A drawing with a view box keeps its own size; one without (bars in %) keeps the page's.
  const width = vb && vb.width ? vb.width : Number(live.getAttribute('width')) || box.width;
  const height = vb && vb.width ? vb.height : Number(live.getAttribute('height')) || box.height;
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(Math.round(height * 100) / 100));
  clone.removeAttribute('x');
  clone.removeAttribute('y');
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** The figure's HTML colour key (swatch and text per item); swatches filled by a pattern are left out. */
function pageLegend(figure) {
  return [...figure.querySelectorAll('.legend li')]
    .map((li) => ({
      fill: li.querySelector('svg rect')?.getAttribute('fill') ?? '',
      // The unknown swatch's hatching, as the map draws unknown areas: a grey square alone would not
      // match them in the file.
      hatch: li.querySelector('svg path')?.getAttribute('d') ?? '',
      hatchStroke: li.querySelector('svg path')?.getAttribute('stroke') ?? MUTED,
      text: li.textContent.replace(/\s+/g, ' ').trim(),
    }))
    .filter((e) => /^#[0-9a-f]{3,8}$/i.test(e.fill) && e.text);
}

function pageAddress(figure) {
  const canonical = document.querySelector('link[rel="canonical"]');
  const base = canonical ? canonical.href : location.href.replace(/#.*$/, '');
  return figure.id ? `${base}#${figure.id}` : base;
}

/** The figure file as SVG text: title band, drawing, colour key, source, address and licence. */
export async function figureSvg(row) {
  const figure = row.closest('figure');
  const live = figure.querySelector('.figure-body svg');
  const faces = await loadFonts();
  const measureTitle = measurer(TITLE_SIZE, 600);
  const measure = measurer(FONT_SIZE, 400);
  const { markup, width, height } = drawing(live);
  const title = wrap(row.dataset.title, width, measureTitle);
  const head = title.map((s, i) => textEl(0, TITLE_SIZE + 2 + i * TITLE_LINE, s, ` font-size="${TITLE_SIZE}" font-weight="600"`)).join('');
  const top = title.length ? TITLE_SIZE + 2 + (title.length - 1) * TITLE_LINE + PAD + 4 : 0;
  const swatch = Math.round(FONT_SIZE * 1.1);
  const key = [];
  let kx = 0;
  let krow = 0;
  const legend = row.dataset.legend
    ? row.dataset.legend.split('\n').filter(Boolean).map((l) => ({ fill: l.slice(0, l.indexOf(' ')), text: l.slice(l.indexOf(' ') + 1) }))
    : pageLegend(figure);
  // An entry longer than the line («Grad 0: Har verken IKT-strategi på plass …») wraps beside its
  // swatch and takes the rows it needs; short entries share a row.
  const textWidth = width - swatch - 6;
  let hatched = 0;
  for (const entry of legend) {
    const lines = wrap(entry.text, textWidth, measure);
    const w = swatch + 6 + Math.max(...lines.map(measure)) + 14;
    if (kx > 0 && (lines.length > 1 || kx + w > width)) {
      kx = 0;
      krow++;
    }
    const ky = top + height + PAD + krow * LINE;
    const sy = ky + (LINE - swatch) / 2 - 2;
    if (entry.hatch) {
      // A group, not a nested <svg>: the file's one nested <svg> is the drawing. The clip keeps the
      // hatching's corner strokes inside the square, as the page's 10 × 10 view box does.
      const clip = `nokkel-${hatched++}`;
      key.push(`<clipPath id="${clip}"><rect x="${kx}" y="${sy}" width="${swatch}" height="${swatch}"/></clipPath>` +
        `<g clip-path="url(#${clip})"><rect x="${kx}" y="${sy}" width="${swatch}" height="${swatch}" fill="${esc(entry.fill)}"/>` +
        `<path transform="translate(${kx},${sy}) scale(${swatch / 10})" d="${esc(entry.hatch)}" stroke="${esc(entry.hatchStroke)}" stroke-width="${10 / swatch}" fill="none"/></g>`);
    }
    key.push(`<rect x="${kx}" y="${sy}" width="${swatch}" height="${swatch}" fill="${entry.hatch ? 'none' : esc(entry.fill)}" stroke="${MUTED}" stroke-width="0.6"/>`);
    // One <text> per entry, a <tspan> per line: the entry reads as one sentence to whatever reads
    // the file's text (screen readers, search, a test), however it wraps.
    const tx = kx + swatch + 6;
    const spans = lines.map((line, i) => `<tspan x="${tx}" y="${ky + (i + 1) * LINE - 6}">${esc(i < lines.length - 1 ? `${line} ` : line)}</tspan>`);
    key.push(`<text>${spans.join('')}</text>`);
    if (lines.length > 1) {
      krow += lines.length;
      kx = 0;
    } else kx += w;
  }
  if (kx === 0 && krow > 0) krow--; // the last entry ended a row of its own
  const keyHeight = key.length ? (krow + 1) * LINE + PAD / 2 : 0;
  const source = figure.querySelector(':scope > .source')?.textContent.trim() ?? '';
  const licence = document.querySelector('[data-figure-licence]')?.dataset.figureLicence;
  const foot = [source, `Figuren på nett: ${pageAddress(figure)}`, licence]
    .filter(Boolean)
    .flatMap((s) => wrap(s, width, measure));
  const footText = foot.map((s, i) => textEl(0, top + height + keyHeight + PAD + (i + 1) * LINE - 4, s, ` fill="${MUTED}"`)).join('');
  const total = Math.ceil(top + height + keyHeight + (foot.length ? PAD + foot.length * LINE : 0));
  const viewWidth = width + 2 * MARGIN;
  const viewHeight = total + 2 * MARGIN;
  const outerHeight = Math.round((FILE_WIDTH * viewHeight) / viewWidth);
  const fontFaces = faces.map((f) => `@font-face{font-family:"${FONT}";font-weight:${f.weight};src:url(data:font/woff2;base64,${f.base64}) format("woff2")}`).join('');
  const inner = markup.replace(/^<svg\b/, `<svg x="0" y="${top}"`);
  return {
    width: FILE_WIDTH,
    height: outerHeight,
    text: '<?xml version="1.0" encoding="utf-8"?>\n' +
      `<svg xmlns="http://www.w3.org/2000/svg" width="${FILE_WIDTH}" height="${outerHeight}" viewBox="${-MARGIN} ${-MARGIN} ${viewWidth} ${viewHeight}" font-family="'${FONT}', sans-serif" font-size="${FONT_SIZE}">` +
      `<style>${fontFaces}svg,text{font-family:"${FONT}",sans-serif}text{white-space:pre}</style>` +
      `<rect x="${-MARGIN}" y="${-MARGIN}" width="100%" height="100%" fill="#fff"/>` +
      `<g fill="#1a1a1a">${head}${key.join('')}${footText}</g>${inner}</svg>\n`,
  };
}

/** The SVG drawn at PNG_SCALE on white. */
export async function figurePng(row) {
  const svg = await figureSvg(row);
  const img = new Image();
  const utf8 = new TextEncoder().encode(svg.text);
  let binary = '';
  for (let i = 0; i < utf8.length; i += 0x8000) binary += String.fromCharCode(...utf8.subarray(i, i + 0x8000));
  img.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = svg.width * PNG_SCALE;
  c.height = svg.height * PNG_SCALE;
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(img, 0, 0, c.width, c.height);
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG-en kunne ikke lages'))), 'image/png'));
}

const cellText = (cell) => cell.textContent.replace(/\s+/g, ' ').trim();

/** The figure's table as rows of cell texts, header first. */
export function figureTable(row) {
  const figure = row.closest('figure');
  const table = figure.querySelector('details table') ?? figure.querySelector('table');
  if (!table) return [];
  const headRows = table.tHead ? [...table.tHead.rows] : [];
  const bodyRows = [...table.tBodies].flatMap((b) => [...b.rows]);
  const head = headRows.length ? [[...headRows[headRows.length - 1].cells].map(cellText)] : [];
  return [...head, ...bodyRows.map((r) => [...r.cells].map(cellText))];
}

// A number as the page writes it: «12 345», «41,8», «−3» (a leading zero, «0301», is a code).
const NUMBER = /^[−-]?(?:0|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})*|[1-9]\d*)(?:,\d+)?$/;

/** A cell of the page's table as data: a number where the page shows one, else the text. */
const value = (s) => (NUMBER.test(s) ? Number(s.replace(/[ \u00a0\u202f]/g, '').replace('−', '-').replace(',', '.')) : s);

/** The figure's table as plain CSV or «CSV for Excel», written by the site's one CSV writer (js/csv.js). */
export function toCsv(rows, excel) {
  const [header = [], ...body] = rows;
  return writeCsv(header, body.map((r) => r.map(value)), excel ? EXCEL_CSV : PLAIN_CSV);
}

function save(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** Makes the figure file `format` (svg, png, csv, excel) of a download row and hands it to the browser. */
export async function download(row, format) {
  const name = `digikommune-${row.dataset.figureFile.replace(/\//g, '-')}`;
  if (format === 'svg') save(new Blob([(await figureSvg(row)).text], { type: 'image/svg+xml' }), `${name}.svg`);
  else if (format === 'png') save(await figurePng(row), `${name}.png`);
  else if (format === 'csv') save(new Blob([toCsv(figureTable(row), false)], { type: 'text/csv' }), `${name}.csv`);
  else if (format === 'excel') save(new Blob([toCsv(figureTable(row), true)], { type: 'text/csv' }), `${name}-excel.csv`);
}
