/**
 * A tooltip that follows the pointer or keyboard focus over map shapes. It floats above the page
 * (position: fixed), so showing it never moves the layout; the shapes' own labels stay for
 * screen readers and for readers without scripts.
 */
const tip = document.createElement('div');
tip.className = 'map-tooltip';
tip.setAttribute('aria-hidden', 'true');
tip.hidden = true;
document.body.append(tip);

function show(target: Element, x: number, y: number) {
  tip.textContent = target.getAttribute('aria-label');
  tip.hidden = false;
  const { width, height } = tip.getBoundingClientRect();
  tip.style.left = `${Math.min(window.innerWidth - width - 8, x + 12)}px`;
  tip.style.top = `${Math.max(8, y - height - 12)}px`;
}

// A mark's words are its aria-label (on the mark, or on the link or group around it); the chart's own title is not one.
const markOf = (e: Event) => (e.target instanceof Element && !(e.target instanceof SVGSVGElement) ? e.target.closest('svg.chart [aria-label]') : null);

for (const svg of document.querySelectorAll('svg.chart')) {
  svg.addEventListener('pointermove', (e) => {
    const mark = markOf(e);
    if (mark) show(mark, (e as PointerEvent).clientX, (e as PointerEvent).clientY);
    else tip.hidden = true;
  });
  svg.addEventListener('pointerleave', () => (tip.hidden = true));
  svg.addEventListener('focusin', (e) => {
    const mark = markOf(e);
    if (!mark) return;
    const box = mark.getBoundingClientRect();
    show(mark, box.left + box.width / 2, box.top);
  });
  svg.addEventListener('focusout', () => (tip.hidden = true));
}
