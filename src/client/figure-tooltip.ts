/**
 * A tooltip that follows the pointer or keyboard focus over map shapes. It floats above the page
 * (position: fixed), so showing it never moves the layout; the shapes' own labels stay for
 * screen readers and for readers without scripts. On a touch screen, where there is no hover, the
 * first tap on a linked shape shows its value with a link onward, and a second tap follows it.
 */
const tip = document.createElement('div');
tip.className = 'map-tooltip';
tip.setAttribute('aria-hidden', 'true');
tip.hidden = true;
document.body.append(tip);

function show(target: Element, x: number, y: number, href?: string) {
  tip.textContent = target.getAttribute('aria-label');
  if (href) {
    const link = document.createElement('a');
    link.href = href;
    link.tabIndex = -1;
    // The words come from the page, in its language.
    link.textContent = `${target.closest('[data-open-label]')?.getAttribute('data-open-label') ?? ''} →`;
    tip.append(document.createElement('br'), link);
  }
  tip.hidden = false;
  const { width, height } = tip.getBoundingClientRect();
  tip.style.left = `${Math.min(window.innerWidth - width - 8, x + 12)}px`;
  tip.style.top = `${Math.max(8, y - height - 12)}px`;
}

// A mark's words are its aria-label (on the mark, or on the link or group around it); the chart's own title is not one.
const markOf = (e: Event) =>
  e.target instanceof Element && !(e.target instanceof SVGSVGElement) ? e.target.closest('svg.chart [aria-label]') : null;

let pointer = '';
let armed: Element | null = null;
for (const svg of document.querySelectorAll('svg.chart')) {
  svg.addEventListener('pointerdown', (e) => (pointer = (e as PointerEvent).pointerType));
  svg.addEventListener('click', (e) => {
    const mark = markOf(e);
    const link = mark?.closest('a');
    if (pointer !== 'touch' || !mark || !link || armed === mark) return;
    e.preventDefault();
    armed = mark;
    const box = mark.getBoundingClientRect();
    show(mark, box.left + box.width / 2, box.top, link.getAttribute('href') ?? undefined);
  });
  svg.addEventListener('pointermove', (e) => {
    if ((e as PointerEvent).pointerType === 'touch') return;
    const mark = markOf(e);
    if (mark) show(mark, (e as PointerEvent).clientX, (e as PointerEvent).clientY);
    else tip.hidden = true;
  });
  svg.addEventListener('pointerleave', (e) => {
    if ((e as PointerEvent).pointerType !== 'touch') tip.hidden = true;
  });
  svg.addEventListener('focusin', (e) => {
    const mark = markOf(e);
    if (!mark) return;
    const box = mark.getBoundingClientRect();
    show(mark, box.left + box.width / 2, box.top);
  });
  svg.addEventListener('focusout', () => {
    if (!armed) tip.hidden = true;
  });
}
// A tap anywhere else puts the tooltip away.
document.addEventListener('pointerdown', (e) => {
  if (armed && e.target instanceof Node && !tip.contains(e.target) && !armed.contains(e.target)) {
    armed = null;
    tip.hidden = true;
  }
});
