/** The report's print button: the browser's own print dialog, which can also save a PDF. */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

// A printed report says where it came from in full, whatever host it was opened on; only the page's
// own address, so that a link's query or fragment cannot add words to an official's printout.
for (const address of document.querySelectorAll('[data-page-url]')) address.textContent = location.origin + location.pathname;
