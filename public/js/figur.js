// The figure download rows (issue 17 §4–5): the buttons are made here, since a row is only shown
// once JavaScript runs, and at the first click the maker (js/figurfil.js, the larger part) is
// fetched; a page that is only read never loads it. Without JavaScript the row stays hidden: the
// table under the figure and /data/ hold the numbers.
const FORMATS = [['Last ned figur: ', 'svg', 'SVG'], [' · ', 'png', 'PNG'], [' · Last ned tallene: ', 'csv', 'CSV'], [' · ', 'excel', 'CSV for Excel']];

/** «SVG», «PNG» … with the figure's name for a screen reader's list of controls. */
function fill(row) {
  const name = row.dataset.label || row.closest('figure')?.querySelector(':scope > figcaption')?.textContent.trim() || row.dataset.title;
  row.textContent = '';
  for (const [before, format, text] of FORMATS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.dataset.format = format;
    button.textContent = text;
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ` (${name})`;
    button.append(hidden);
    row.append(before, button);
  }
  const status = document.createElement('span');
  status.className = 'figure-download-status';
  status.setAttribute('role', 'status');
  row.append(' ', status);
  return status;
}

for (const row of document.querySelectorAll('.figure-downloads[data-figure-file]')) {
  if (row.dataset.ready) continue;
  row.dataset.ready = '1';
  const status = fill(row);
  row.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-format]');
    if (!button) return;
    status.textContent = '';
    try {
      const { download } = await import('./figurfil.js');
      await download(row, button.dataset.format);
    } catch (e) {
      status.textContent = `Filen kunne ikke lages (${e instanceof Error ? e.message : e}). Tallene står i tabellen under figuren.`;
    }
  });
  row.hidden = false;
}
