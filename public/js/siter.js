// Progressive enhancement: a «Kopier» button beside each citation and each embed code. Without
// JavaScript the text is plain and selectable.
const KINDS = [
  { selector: '.citation-text', label: 'Kopier sitatet' },
  { selector: '.embed-code', label: 'Kopier koden' },
];
for (const { selector, label } of KINDS) {
  for (const text of document.querySelectorAll(selector)) {
    if (!navigator.clipboard || text.dataset.copy) continue;
    text.dataset.copy = '1';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = label;
    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text.textContent.trim());
        status.textContent = 'Kopiert.';
      } catch {
        status.textContent = 'Kunne ikke kopiere; merk teksten og kopier den selv.';
      }
    });
    (text.closest('pre') ?? text).after(button, status);
  }
}
