/**
 * How pages rendered by the build reach its compression thread. The middleware that sees each
 * page and the integration that starts the thread are loaded as separate module instances (one
 * bundled by Vite, one by the config loader) in the same process, so the hand-over lives on
 * `globalThis`, under a key of its own.
 */
const KEY = Symbol.for('poverty-atlas.rendered-page');
type Receiver = (page: Uint8Array) => void;
const slot = globalThis as { [KEY]?: Receiver };

/** Hands a rendered page to whoever receives them; outside a build (astro dev), no one does. */
export function offerRenderedPage(page: Uint8Array): void {
  slot[KEY]?.(page);
}

/** Sets who receives rendered pages from now on, or no one. */
export function receiveRenderedPages(receiver: Receiver | undefined): void {
  if (receiver) slot[KEY] = receiver;
  else delete slot[KEY];
}
