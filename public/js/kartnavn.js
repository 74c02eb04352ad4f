// Progressive enhancement for the kommune maps: the shape under the pointer, or the one with the
// keyboard focus, shows its name and grade (the link's aria-label) in a label beside it. On a touch
// screen the first tap on a shape shows the label and the second tap on the same shape opens the
// kommune, so a finger never jumps to whatever kommune happened to be under it. A shape named in
// the address (#…-k1103, linked from the kommune page) is outlined on top of its neighbours.
const NS = 'http://www.w3.org/2000/svg';
const maps = [...document.querySelectorAll('svg.dk-map')];
if (maps.length) {
  const label = document.createElement('div');
  label.className = 'map-label';
  label.setAttribute('aria-hidden', 'true');
  label.hidden = true;
  document.body.append(label);
  let armed = null;
  let lastPointer = 'mouse';

  const place = (x, y) => {
    const pad = 8;
    label.style.left = '0px';
    label.style.top = '0px';
    const w = label.offsetWidth;
    const h = label.offsetHeight;
    const maxX = window.scrollX + document.documentElement.clientWidth - w - pad;
    const left = Math.max(window.scrollX + pad, Math.min(x + 12, maxX));
    const top = y - h - 12 < window.scrollY + pad ? y + 16 : y - h - 12;
    label.style.left = `${Math.round(left)}px`;
    label.style.top = `${Math.round(top)}px`;
  };
  const show = (link, x, y, hint) => {
    label.textContent = link.getAttribute('aria-label') ?? '';
    if (hint) {
      const more = document.createElement('span');
      more.className = 'map-label-hint';
      more.textContent = hint;
      label.append(more);
    }
    label.hidden = false;
    if (x === undefined) {
      const box = link.getBoundingClientRect();
      x = box.left + window.scrollX + box.width / 2;
      y = box.top + window.scrollY;
    }
    place(x, y);
  };
  const hide = () => { label.hidden = true; armed = null; };

  for (const svg of maps) {
    svg.addEventListener('pointerdown', (e) => { lastPointer = e.pointerType || 'mouse'; });
    svg.addEventListener('touchstart', () => { lastPointer = 'touch'; }, { passive: true });
    svg.addEventListener('pointermove', (e) => {
      if (e.pointerType !== 'mouse') return;
      const link = e.target instanceof Element ? e.target.closest('a') : null;
      if (link) show(link, e.pageX, e.pageY);
      else if (!armed) label.hidden = true;
    });
    svg.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse' && !armed) label.hidden = true; });
    svg.addEventListener('focusin', (e) => {
      const link = e.target instanceof Element ? e.target.closest('a') : null;
      if (link && link.matches(':focus-visible')) show(link);
    });
    svg.addEventListener('focusout', () => { if (!armed) label.hidden = true; });
    svg.addEventListener('click', (e) => {
      const link = e.target instanceof Element ? e.target.closest('a') : null;
      if (!link || (e.pointerType || lastPointer) !== 'touch') return;
      if (armed === link) return; // second tap: open the kommune
      e.preventDefault();
      armed = link;
      show(link, undefined, undefined, 'Trykk en gang til for å åpne');
    });
  }
  document.addEventListener('click', (e) => {
    if (armed && !(e.target instanceof Element && e.target.closest('svg.dk-map'))) hide();
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });

  // The page's own kommune, named in the address: draw its outline last so no neighbour hides it.
  const mark = () => {
    for (const old of document.querySelectorAll('.dk-own')) old.remove();
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const svg = target?.closest('svg.dk-map');
    const shape = target?.querySelector('path');
    if (!svg || !shape) return;
    const m = svg.getScreenCTM()?.inverse().multiply(shape.getScreenCTM());
    for (const band of ['halo', 'line']) {
      const path = document.createElementNS(NS, 'path');
      path.setAttribute('class', `dk-own ${band}`);
      path.setAttribute('d', shape.getAttribute('d') ?? '');
      path.setAttribute('aria-hidden', 'true');
      if (m) path.setAttribute('transform', `matrix(${m.a} ${m.b} ${m.c} ${m.d} ${m.e} ${m.f})`);
      svg.append(path);
    }
  };
  mark();
  window.addEventListener('hashchange', mark);
}
