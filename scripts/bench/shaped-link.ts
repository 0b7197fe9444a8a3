/**
 * A slow network between the browser and a local server, shaped the way a link shapes bytes: a
 * TCP proxy in which every chunk waits half the round trip each way, a new connection waits one
 * round trip for its handshake, and the bytes toward the browser share one queue drained at the
 * link's rate. DevTools throttling instead holds each response as a whole, and slows one sent with
 * Content-Encoding more than its bytes on the wire would (measured: DuckDB's wasm, 4,43 MB, 4,3 s
 * as plain bytes and 5,8 s as brotli). Not modelled: TCP's slow start and packet loss.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Link {
  /** Round trip, milliseconds. */
  rttMs: number;
  /** Toward the browser, bits per second. */
  downBitsPerSecond: number;
}

/** Starts the proxy in front of `target`; resolves with its port. */
export function shapedLink(target: { host: string; port: number }, link: Link): Promise<{ server: Server; port: number }> {
  const oneWay = link.rttMs / 2;
  const bytesPerMs = link.downBitsPerSecond / 8 / 1000;
  // The moment the shared downlink has sent everything queued so far.
  let downlinkFreeAt = 0;
  const server = createServer((browser) => {
    const upstream = connect(target.port, target.host);
    const opened = performance.now();
    let lastDelivery = 0;
    const later = (at: number, action: () => void) => setTimeout(action, Math.max(0, at - performance.now()));
    const close = () => {
      browser.destroy();
      upstream.destroy();
    };
    browser.on('data', (chunk) => {
      // The first request also waits for the handshake: one more round trip.
      const at = Math.max(performance.now(), opened + link.rttMs) + oneWay;
      later(at, () => upstream.write(chunk));
    });
    upstream.on('data', (chunk: Buffer) => {
      const start = Math.max(performance.now(), downlinkFreeAt);
      downlinkFreeAt = start + chunk.length / bytesPerMs;
      lastDelivery = downlinkFreeAt + oneWay;
      later(lastDelivery, () => browser.write(chunk));
    });
    upstream.on('end', () => later(lastDelivery, () => browser.end()));
    browser.on('end', () => later(performance.now() + oneWay, () => upstream.end()));
    for (const socket of [browser, upstream] as Socket[]) socket.on('error', close);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })),
  );
}
