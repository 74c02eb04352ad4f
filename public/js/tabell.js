// Progressive enhancement: column headers of table[data-sortable] become sort buttons (aria-sort).
// A table with data-sort-param keeps its sort in the address (?sortering=innbyggere, or
// ?sortering=innbyggere-synkende; keys from the headers' data-sort-key) and restores it on load,
// so a sorted view can be shared. The markup's own order needs no parameter.
const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });
const DESCENDING = '-synkende';

for (const table of document.querySelectorAll('table[data-sortable]')) {
  const headers = [...table.tHead.rows[0].cells];
  const body = table.tBodies[0];
  const param = table.dataset.sortParam;
  const initial = headers.find((th) => th.getAttribute('aria-sort') === 'ascending');

  const sortBy = (col, dir) => {
    for (const other of headers) other.setAttribute('aria-sort', 'none');
    headers[col].setAttribute('aria-sort', dir);
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
    // tabellfilter.js follows the order for the download of the rows shown.
    table.dispatchEvent(new CustomEvent('tablesort'));
  };

  const remember = (th, dir) => {
    if (!param || !th.dataset.sortKey) return;
    const params = new URLSearchParams(location.search);
    if (th === initial && dir === 'ascending') params.delete(param);
    else params.set(param, `${th.dataset.sortKey}${dir === 'descending' ? DESCENDING : ''}`);
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  };

  headers.forEach((th, col) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    if (!th.hasAttribute('aria-sort')) th.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      sortBy(col, dir);
      remember(th, dir);
    });
  });

  // The sort from the address; an unknown column is ignored (and left in the address untouched).
  const wanted = param ? new URLSearchParams(location.search).get(param) : null;
  if (wanted) {
    const descending = wanted.endsWith(DESCENDING);
    const key = descending ? wanted.slice(0, -DESCENDING.length) : wanted;
    const col = headers.findIndex((th) => th.dataset.sortKey === key);
    if (col >= 0) sortBy(col, descending ? 'descending' : 'ascending');
  }
}
