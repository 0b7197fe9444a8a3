/**
 * Inside an embed: tells the page around the iframe how tall the content is, whenever it changes
 * (the data table opens, the width changes). It sends only a number; the parent decides what to do.
 */
if (window.parent !== window) {
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'poverty-atlas:height', height }, '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener('load', send);
}

// Links in an embed open outside the iframe (HTML links follow <base target>; SVG links need their own).
for (const link of document.querySelectorAll('a[href]')) link.setAttribute('target', '_blank');
