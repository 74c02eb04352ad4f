// The figure download rows (issue 17 §4–5): shown once JavaScript runs, and at the first click
// the maker (js/figurfil.js, the larger part) is fetched; a page that is only read never loads it.
// Without JavaScript the row stays hidden: the table under the figure and /data/ hold the numbers.
for (const row of document.querySelectorAll('.figure-downloads[data-figure-file]')) {
  const status = row.querySelector('.figure-download-status');
  row.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-format]');
    if (!button) return;
    if (status) status.textContent = '';
    try {
      const { download } = await import('./figurfil.js');
      await download(row, button.dataset.format);
    } catch (e) {
      if (status) status.textContent = `Filen kunne ikke lages (${e instanceof Error ? e.message : e}). Tallene står i tabellen under figuren.`;
    }
  });
  row.hidden = false;
}
