import regularFont from '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf?url';
import boldFont from '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf?url';

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
    const text = source instanceof HTMLTextAreaElement ? source.value : (source?.textContent ?? '');
    await navigator.clipboard.writeText(text);
    const label = button.textContent;
    button.textContent = button.dataset.copied ?? label;
    setTimeout(() => (button.textContent = label), 2000);
  });
}

/** Three times the SVG's size: about 300 dpi for a chart printed 16 cm wide. */
const PNG_SCALE = 3;

/**
 * The standalone SVG with the export face written into it: an image drawn from an SVG may load
 * nothing, so the font travels inside as data, and the PNG shows the face its lines were measured in.
 */
async function withExportFont(svg: string): Promise<string> {
  // The face is the first family the file names; the regular and bold files below are its two weights.
  const family = /font-family="'([^']+)'/.exec(svg)?.[1];
  if (!family) return svg;
  const face = async (url: string, weight: number) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return `@font-face{font-family:'${family}';font-weight:${weight};src:url(data:font/ttf;base64,${btoa(binary)})}`;
  };
  const css = (await Promise.all([face(regularFont, 400), face(boldFont, 700)])).join('');
  return svg.replace(/(<svg[^>]*>)/, `$1<style>${css}</style>`);
}

async function svgToPng(url: string): Promise<Blob> {
  const svg = await withExportFont(await (await fetch(url)).text());
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
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
