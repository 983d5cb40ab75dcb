// The HTTP transport's client side (the renderer in a browser, and the contract tests): POST /api/<name>
// for calls, one fetch-streamed GET /events for pushes, POST /upload for files the browser holds.
import type { ArgsOf, EventName, KorrigoBridge, KorrigoEvents, MethodName, ResultOf } from './contract';
import { readEventStream } from './event-stream';
import type { StreamMessage } from './event-stream';
import { STATION_VERSION } from './version';
import type { WireReply } from './wire';
import { wireFailure } from './wire';

export const TOKEN_HEADER = 'authorization';
export const FILE_NAME_HEADER = 'x-korrigo-file-name';

export interface HttpBridgeOptions {
  /** The station's origin, e.g. `http://127.0.0.1:4812`; '' for the page's own origin. */
  baseUrl: string;
  /** The station key, or in the browser the session id its login link was exchanged for. */
  token?: string;
  /** Wait before reopening a dropped event stream. */
  reconnectMs?: number;
}

export interface KorrigoHttpBridge extends KorrigoBridge {
  /** Copies a file the browser holds into the station's inbox; replies with its path there. */
  upload(file: Blob, name: string): Promise<WireReply<{ path: string }>>;
  /**
   * A batch file (`/files/...`) as a Blob: a plain link could not carry the credential. `signal` abandons
   * it (null then): a thumbnail so abandoned before it is made is not made.
   */
  fetchFile(path: string, options?: { signal?: AbortSignal }): Promise<Blob | null>;
  /** Ends this session on the station (its id is refused from then on) and closes the event stream. */
  endSession(): Promise<WireReply<unknown>>;
  /** Closes the event stream. */
  close(): void;
}

type Listener = (payload: unknown) => void;

export function createHttpBridge(options: HttpBridgeOptions): KorrigoHttpBridge {
  const auth: Record<string, string> = options.token ? { [TOKEN_HEADER]: `Bearer ${options.token}` } : {};
  const listeners = new Map<string, Set<Listener>>();
  let stream: { abort: AbortController; ready: Promise<void> } | null = null;

  const deliver = ({ event, data }: StreamMessage) => {
    const targets = listeners.get(event);
    if (!targets) return;
    const payload: unknown = JSON.parse(data);
    for (const listener of targets) listener(payload);
  };

  const openStream = () => {
    const abort = new AbortController();
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    stream = { abort, ready };
    void (async () => {
      while (!abort.signal.aborted) {
        try {
          const response = await fetch(`${options.baseUrl}/events`, { headers: auth, signal: abort.signal });
          // Calls wait for this so that no push they cause is missed; a refused stream must not block them.
          markReady();
          if (response.status === 401 || response.status === 403) return;
          if (response.ok && response.body) await readEventStream(response.body, deliver);
        } catch {
          markReady();
        }
        await new Promise((resolve) => setTimeout(resolve, options.reconnectMs ?? 1000));
      }
    })();
  };

  const closeStream = () => {
    stream?.abort.abort();
    stream = null;
  };

  return {
    version: STATION_VERSION,

    async invoke<K extends MethodName>(name: K, args: ArgsOf<K>): Promise<WireReply<ResultOf<K>>> {
      await stream?.ready;
      return send<ResultOf<K>>(`${options.baseUrl}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
    },

    on<E extends EventName>(event: E, listener: (payload: KorrigoEvents[E]) => void): () => void {
      const targets = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, targets);
      const untyped = listener as Listener;
      targets.add(untyped);
      if (!stream) openStream();
      return () => {
        targets.delete(untyped);
        if ([...listeners.values()].every((set) => set.size === 0)) closeStream();
      };
    },

    upload(file, name) {
      return send<{ path: string }>(`${options.baseUrl}/upload`, {
        method: 'POST',
        headers: {
          ...auth,
          'content-type': 'application/octet-stream',
          [FILE_NAME_HEADER]: encodeURIComponent(name),
        },
        body: file,
      });
    },

    async fetchFile(path, { signal } = {}) {
      try {
        const response = await fetch(`${options.baseUrl}${path}`, {
          headers: auth,
          ...(signal ? { signal } : {}),
        });
        return response.ok ? await response.blob() : null;
      } catch {
        return null;
      }
    },

    endSession() {
      closeStream();
      return send(`${options.baseUrl}/session/end`, { method: 'POST', headers: auth });
    },

    close: closeStream,
  };
}

async function send<T>(url: string, init: RequestInit): Promise<WireReply<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return wireFailure('unreachable', `Cannot reach the station at ${url}`);
  }
  try {
    const body: unknown = await response.json();
    if (isReply(body)) return body as WireReply<T>;
  } catch {
    // not JSON: reported below
  }
  return wireFailure('internal', `Unexpected answer from the station (HTTP ${response.status}) for ${url}`);
}

function isReply(body: unknown): body is WireReply<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  return body.ok === true ? 'result' in body : 'error' in body;
}
