// Progressive enhancement: a «Kopier» button beside each citation. Without JavaScript the text is
// plain and selectable.
for (const text of document.querySelectorAll('.citation-text')) {
  if (!navigator.clipboard) continue;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Kopier sitatet';
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
  text.after(button, status);
}
