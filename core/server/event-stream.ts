// GET /events: the station's pushes as Server-Sent Events, one `event:` name per push.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Station } from '../station/station';
import { COMMON_HEADERS } from './csp';

const HEARTBEAT_MS = 20_000;

/** Streams pushes until the client leaves; returns a function that ends the stream from our side. */
export function openEventStream(req: IncomingMessage, res: ServerResponse, station: Station): () => void {
  // Subscribe before the headers go out: a client that saw them may rely on not missing a push.
  const unsubscribe = station.subscribe((push) => {
    res.write(`event: ${push.event}\ndata: ${JSON.stringify(push.payload)}\n\n`);
  });
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  return () => {
    stop();
    res.end();
  };
}
