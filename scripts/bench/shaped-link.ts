/**
 * A slow network between the browser and a local server, shaped the way a link shapes bytes: a
 * TCP proxy in which bytes wait half the round trip each way, a new connection waits one round
 * trip for its handshake, and the bytes toward the browser share the link's rate, taken in turn
 * from each connection that has some waiting (as a router's queue interleaves flows), so a large
 * download does not hold up a small one behind it.
 * DevTools throttling instead holds each response as a whole, and slows one sent with
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

/** Bytes the downlink sends from one connection before it turns to the next: about one packet burst. */
const TURN_BYTES = 16 * 1024;

interface Flow {
  browser: Socket;
  waiting: Buffer[];
  /** Turns sent but not yet delivered. */
  inFlight: number;
  /** The server has finished: end toward the browser once the waiting bytes are delivered. */
  ended: boolean;
}

const endIfDone = (flow: Flow) => {
  if (flow.ended && flow.waiting.length === 0 && flow.inFlight === 0) flow.browser.end();
};

/** Starts the proxy in front of `target`; resolves with its port. */
export function shapedLink(target: { host: string; port: number }, link: Link): Promise<{ server: Server; port: number }> {
  const oneWay = link.rttMs / 2;
  const bytesPerMs = link.downBitsPerSecond / 8 / 1000;
  const flows: Flow[] = [];
  let sending = false;
  let next = 0;
  /** Sends the next turn of the next flow with bytes waiting; each turn takes its bytes' time on the link. */
  const pump = () => {
    if (sending) return;
    const waiting = flows.filter((f) => f.waiting.length > 0);
    if (waiting.length === 0) return;
    const flow = waiting[next++ % waiting.length];
    let turn = flow.waiting.shift()!;
    if (turn.length > TURN_BYTES) {
      flow.waiting.unshift(turn.subarray(TURN_BYTES));
      turn = turn.subarray(0, TURN_BYTES);
    }
    sending = true;
    flow.inFlight += 1;
    setTimeout(() => {
      sending = false;
      setTimeout(() => {
        flow.inFlight -= 1;
        flow.browser.write(turn);
        endIfDone(flow);
      }, oneWay);
      pump();
    }, turn.length / bytesPerMs);
  };
  const server = createServer((browser) => {
    const upstream = connect(target.port, target.host);
    const flow: Flow = { browser, waiting: [], inFlight: 0, ended: false };
    flows.push(flow);
    const opened = performance.now();
    const forget = () => flows.includes(flow) && flows.splice(flows.indexOf(flow), 1);
    const close = () => {
      browser.destroy();
      upstream.destroy();
      forget();
    };
    browser.on('data', (chunk) => {
      // The first request also waits for the handshake: one more round trip.
      const delay = Math.max(0, opened + link.rttMs - performance.now()) + oneWay;
      setTimeout(() => upstream.write(chunk), delay);
    });
    upstream.on('data', (chunk: Buffer) => {
      flow.waiting.push(chunk);
      pump();
    });
    upstream.on('end', () => {
      flow.ended = true;
      setTimeout(() => endIfDone(flow), oneWay);
    });
    browser.on('end', () => setTimeout(() => upstream.end(), oneWay));
    browser.on('close', forget);
    for (const socket of [browser, upstream]) socket.on('error', close);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })),
  );
}
