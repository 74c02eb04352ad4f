// Progressive enhancement: a search field above the kommune list (the list works without it).
// While a query is typed the grouped list gives way to one ranked list, ranked as the header's
// search ranks (js/kommunesok.js). Enter opens the first entry, so «Hå» opens Hå and not Haugesund.
import { rank, searchEntry } from './kommunesok.js';

const host = document.querySelector('[data-kommunesok]');
const list = document.getElementById('kommuneliste');
if (host && list) {
  const label = document.createElement('label');
  label.className = 'search-field';
  label.textContent = 'Søk etter kommune (navn eller kommunenummer)';
  const input = document.createElement('input');
  input.type = 'search';
  input.autocomplete = 'off';
  input.setAttribute('aria-controls', 'kommunetreff');
  input.setAttribute('aria-describedby', 'kommunesok-hjelp');
  label.append(input);
  const help = document.createElement('p');
  help.id = 'kommunesok-hjelp';
  help.className = 'search-help';
  help.textContent = 'Enter åpner det første treffet.';
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  const results = document.createElement('ol');
  results.id = 'kommunetreff';
  results.className = 'search-results';
  results.hidden = true;
  host.append(label, help, status, results);

  const items = [...list.querySelectorAll('li')].map((li) => {
    const a = li.querySelector('a');
    return searchEntry({
      name: (a?.textContent || '').trim(),
      nr: li.dataset.kommunenummer || '',
      fylke: li.closest('[data-fylke]')?.querySelector('h3')?.textContent?.trim() || '',
      href: a?.getAttribute('href') || '',
    });
  });

  input.addEventListener('input', () => {
    const q = input.value.trim();
    if (q === '') {
      results.replaceChildren();
      results.hidden = true;
      list.hidden = false;
      status.textContent = '';
      return;
    }
    const current = rank(items, q).map((h) => h.it);
    results.replaceChildren(...current.map((it) => {
      const li = document.createElement('li');
      li.dataset.kommunenummer = it.nr;
      const link = document.createElement('a');
      link.href = it.href;
      link.textContent = it.name;
      const where = document.createElement('span');
      where.className = 'search-fylke';
      where.textContent = ` (${it.fylke})`;
      li.append(link, where);
      return li;
    }));
    results.hidden = false;
    list.hidden = true;
    const n = current.length;
    status.textContent = n === 0 ? 'Ingen kommuner passer' : `${n} ${n === 1 ? 'kommune passer' : 'kommuner passer'}`;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const first = results.querySelector('a');
    if (first) {
      e.preventDefault();
      first.click();
    }
  });
}
