/**
 * What a figure's tools need a script for: copying a snippet or citation, drawing the PNG, and
 * writing this site's own address into embed snippets when the build did not know it. Without
 * scripts the snippets can still be selected and the SVG and CSV still download.
 */
for (const area of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-snippet]')) {
  // An origin (scheme, host, port) cannot hold a quote or markup; the rest of the snippet was escaped at build.
  area.value = area.value.replace(/src="\//, () => `src="${location.origin}/`);
}
for (const url of document.querySelectorAll<HTMLElement>('[data-citation] [data-url]')) {
  if (url.textContent?.startsWith('/')) url.textContent = `${location.origin}${url.textContent}`;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy!);
    const text = source instanceof HTMLTextAreaElement ? source.value : source?.textContent ?? '';
    await navigator.clipboard.writeText(text);
    const label = button.textContent;
    button.textContent = button.dataset.copied ?? label;
    setTimeout(() => (button.textContent = label), 2000);
  });
}

/** Three times the SVG's size: about 300 dpi for a chart printed 16 cm wide. */
const PNG_SCALE = 3;

async function svgToPng(url: string): Promise<Blob> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * PNG_SCALE;
  canvas.height = image.naturalHeight * PNG_SCALE;
  const context = canvas.getContext('2d')!;
  context.scale(PNG_SCALE, PNG_SCALE);
  context.drawImage(image, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-png]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await svgToPng(button.dataset.png!));
    link.download = button.dataset.name!;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
}
