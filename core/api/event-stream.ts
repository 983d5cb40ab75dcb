// A minimal text/event-stream reader over fetch, so the same code runs in Node and in the browser and
// can send an Authorization header (EventSource cannot).

export interface StreamMessage {
  event: string;
  data: string;
}

/** Reads messages until the stream ends; `: comments` and unnamed keep-alives are skipped. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: StreamMessage) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const message = parseBlock(block);
      if (message) onMessage(message);
    }
  }
}

function parseBlock(block: string): StreamMessage | null {
  let event = '';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return event === '' ? null : { event, data: data.join('\n') };
}
