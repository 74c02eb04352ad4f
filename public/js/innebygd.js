// Inside an embed: tell the page that frames it how tall the content is, so the optional
// js/innebygd-hoyde.js on that page can fit the frame. Only a height is sent, so any origin may
// receive it. Without JavaScript (or without the host script) the frame keeps its fixed height.
const content = document.querySelector('.embed-content');
const foot = document.querySelector('.embed-foot');
const main = document.querySelector('main');
if (content && foot && main && window.parent !== window) {
  let last = 0;
  const report = () => {
    const style = getComputedStyle(main);
    const height = Math.ceil(content.getBoundingClientRect().height + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + foot.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ digikommune: 'hoyde', height }, '*');
  };
  new ResizeObserver(report).observe(content);
  window.addEventListener('resize', report);
  report();
}
