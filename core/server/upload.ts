// The browser host cannot hand the station a file path, so it sends the bytes; they land in
// <dataDir>/inbox/<uuid>/<original name> (the name is kept: the manifest lists sources by name).
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { KorrigoError } from '../errors';

export const MAX_UPLOAD_BYTES = 1024 ** 3;

export function uploadFileName(encoded: string | undefined): string {
  let name: string;
  try {
    name = decodeURIComponent(encoded ?? '');
  } catch {
    throw new KorrigoError('bad-arguments', 'The upload file name is not valid URI encoding');
  }
  const base = (name.split(/[/\\]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .trim()
    .slice(0, 200);
  if (base === '' || base === '.' || base === '..') {
    throw new KorrigoError('bad-arguments', 'An upload needs a file name (x-korrigo-file-name header)');
  }
  return base;
}

/** Saves the request body; returns the file's path. A refused or broken upload leaves nothing behind. */
export async function receiveUpload(
  req: IncomingMessage,
  inboxDir: string,
  name: string,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<string> {
  const dir = join(inboxDir, randomUUID());
  const path = join(dir, name);
  await mkdir(dir, { recursive: true });
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes)
        done(new KorrigoError('bad-arguments', `${name} is larger than ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return path;
}
