// Progressive enhancement: adds a filter field above the kommune list (the list works without it).
const host = document.querySelector('[data-kommunesok]');
const list = document.getElementById('kommuneliste');
if (host && list) {
  const fold = (s) => s.toLocaleLowerCase('nb').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a');
  const label = document.createElement('label');
  label.className = 'search-field';
  label.textContent = 'Filtrer kommunelisten (navn eller kommunenummer)';
  const input = document.createElement('input');
  input.type = 'search';
  input.autocomplete = 'off';
  input.setAttribute('aria-controls', 'kommuneliste');
  label.append(input);
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  host.append(label, status);
  const items = [...list.querySelectorAll('li')].map((li) => ({ li, text: fold(li.textContent || ''), nr: li.dataset.kommunenummer || '' }));
  const groups = [...list.querySelectorAll('[data-fylke]')];
  input.addEventListener('input', () => {
    const q = fold(input.value.trim());
    let shown = 0;
    // Digits alone search the kommunenummer («0301» or «03» finds Oslo); anything else the name.
    const byNumber = /^\d+$/.test(q);
    for (const { li, text, nr } of items) {
      const hit = q === '' || (byNumber ? nr.startsWith(q) : text.includes(q));
      li.hidden = !hit;
      if (hit) shown++;
    }
    for (const g of groups) g.hidden = !g.querySelector('li:not([hidden])');
    status.textContent = q === '' ? '' : `${shown} ${shown === 1 ? 'kommune passer' : 'kommuner passer'}`;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const first = list.querySelector('li:not([hidden]) a');
    if (first) first.click();
  });
}
