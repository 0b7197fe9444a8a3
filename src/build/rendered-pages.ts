import { handover } from './handover.ts';

/** How pages rendered by the build reach its compression thread (see integrations.ts → precompressed). */
const receiver = handover<(page: Uint8Array) => void>('rendered-page');

/** Hands a rendered page to whoever receives them; outside a build (astro dev), no one does. */
export function offerRenderedPage(page: Uint8Array): void {
  receiver.get()?.(page);
}

/** Sets who receives rendered pages from now on, or no one. */
export const receiveRenderedPages = receiver.set;
