// For a page that embeds digikommune: fits each digikommune <iframe> to the height its content
// reports (js/innebygd.js inside the embed). Optional; without it the frame keeps the height in the
// snippet. Listens only to messages from the origin this script was loaded from.
(() => {
  const script = document.currentScript;
  const origin = script ? new URL(script.src).origin : null;
  if (!origin || window.digikommuneResize) return;
  window.digikommuneResize = true;
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || !event.data || event.data.digikommune !== 'hoyde') return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height) || height < 100 || height > 5000) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });
})();
