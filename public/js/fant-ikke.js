// On hosts without pattern redirects, an old figure file's address (/figur/<år>/…) ends on the
// 404 page: lead the reader to the page that now holds the figure (the rules come from the page).
const note = document.getElementById('figur-flyttet');
if (note) {
  const base = note.dataset.base || '/';
  const rules = JSON.parse(note.dataset.rules || '[]');
  const path = location.pathname.startsWith(base) ? '/' + location.pathname.slice(base.length) : null;
  for (const rule of path ? rules : []) {
    const m = new RegExp(rule.source).exec(path);
    if (!m) continue;
    const target = base + rule.to.replace(/\$(\d+)/g, (_, n) => m[Number(n)]).replace(/^\//, '');
    const link = note.querySelector('a');
    link.href = target;
    note.hidden = false;
    location.replace(target);
    break;
  }
}
