// Progressive enhancement: column headers of table[data-sortable] become sort buttons (aria-sort).
const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });
for (const table of document.querySelectorAll('table[data-sortable]')) {
  const headers = [...table.tHead.rows[0].cells];
  const body = table.tBodies[0];
  headers.forEach((th, col) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    if (!th.hasAttribute('aria-sort')) th.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of headers) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', dir);
      const key = (row) => {
        const cell = row.cells[col];
        return cell.dataset.sort ?? cell.textContent.trim();
      };
      const numeric = [...body.rows].every((r) => key(r) === '' || !Number.isNaN(Number(key(r))));
      const rows = [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b);
        // An empty key is unknown («..»): last in either direction, not read as 0.
        if (x === '' || y === '') return (x === '') - (y === '');
        const c = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return dir === 'ascending' ? c : -c;
      });
      body.append(...rows);
    });
  });
}
