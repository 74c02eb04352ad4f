import './kartnavn.js';
// Progressive enhancement: the keyboard focus ring of a kommune shape is drawn on top of the whole
// map. SVG paints in document order and has no z-index, so a stroke on the focused shape itself is
// hidden under every neighbour that comes later; a copy of its outline at the end of the <svg> is
// not. Two bands, white under black (WCAG technique C40), so the ring has at least 3:1 against any
// fill and against the page. Without JavaScript the focused shape's own stroke (site.css) remains.
const NS = 'http://www.w3.org/2000/svg';

for (const svg of document.querySelectorAll('svg.dk-map')) {
  const ring = document.createElementNS(NS, 'g');
  ring.setAttribute('class', 'dk-focus-ring');
  ring.setAttribute('aria-hidden', 'true');
  const bands = ['halo', 'line'].map((band) => {
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('class', band);
    ring.append(path);
    return path;
  });
  // A kommune a few pixels across (an island) also gets a circle, so the ring is not a dot.
  const circles = ['halo', 'line'].map((band) => {
    const circle = document.createElementNS(NS, 'circle');
    circle.setAttribute('class', band);
    return circle;
  });

  svg.addEventListener('focusin', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const shape = link?.querySelector('path');
    if (!shape || !link.matches(':focus-visible')) {
      ring.remove();
      return;
    }
    // The shape may sit in transformed groups: carry its transform relative to the <svg>.
    const m = svg.getScreenCTM()?.inverse().multiply(shape.getScreenCTM());
    if (m) ring.setAttribute('transform', `matrix(${m.a} ${m.b} ${m.c} ${m.d} ${m.e} ${m.f})`);
    for (const band of bands) band.setAttribute('d', shape.getAttribute('d') ?? '');
    const box = shape.getBoundingClientRect();
    const small = Math.max(box.width, box.height) < 12;
    if (small) {
      const b = shape.getBBox();
      const perPixel = b.width > 0 ? b.width / box.width : 1 / (m?.a || 1);
      for (const c of circles) {
        c.setAttribute('cx', String(b.x + b.width / 2));
        c.setAttribute('cy', String(b.y + b.height / 2));
        c.setAttribute('r', String(10 * perPixel));
        ring.append(c);
      }
    } else {
      for (const c of circles) c.remove();
    }
    svg.append(ring);
  });
  svg.addEventListener('focusout', (event) => {
    if (!svg.contains(event.relatedTarget)) ring.remove();
  });
}
