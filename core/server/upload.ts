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
/** All uploads not yet processed together: a few batches' worth. */
export const MAX_INBOX_BYTES = 4 * 1024 ** 3;
/** Bytes, not characters: file systems count bytes (255 at most), and the station adds nothing to it. */
export const MAX_NAME_BYTES = 200;

/** Names Windows reserves for devices, whatever their extension: such a file cannot be made there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.[^.]*)*$/i;

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
    .trim();
  if (base === '' || base === '.' || base === '..') {
    throw new KorrigoError('bad-arguments', 'An upload needs a file name (x-korrigo-file-name header)');
  }
  const bytes = Buffer.byteLength(base);
  if (bytes > MAX_NAME_BYTES) {
    throw new KorrigoError(
      'bad-arguments',
      `The upload's file name is too long (${bytes} bytes, at most ${MAX_NAME_BYTES}): rename the file`,
    );
  }
  if (WINDOWS_DEVICE.test(base.replace(/[. ]+$/, ''))) {
    throw new KorrigoError(
      'bad-arguments',
      `"${base}" is a name Windows reserves for a device: rename the file`,
    );
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
  const tooLarge = () =>
    new KorrigoError(
      'bad-arguments',
      maxBytes < MAX_UPLOAD_BYTES
        ? `${name}: the station's inbox is full (uploads wait there until processed: ${Math.max(0, maxBytes)} bytes left)`
        : `${name} is larger than ${maxBytes} bytes, the largest file the station accepts`,
    );
  // Refused before a byte is stored when the browser announces the size, as it does.
  if (Number(req.headers['content-length'] ?? 0) > maxBytes || maxBytes <= 0) {
    req.resume();
    throw tooLarge();
  }
  const dir = join(inboxDir, randomUUID());
  const path = join(dir, name);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes) done(tooLarge());
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
