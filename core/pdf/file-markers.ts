// Cheap byte-level checks made before parsing. pdf-lib's parser reads objects in file order and ignores
// the cross-reference table, so a file cut short still "loads" with its last pages silently missing:
// the end-of-file marker is the first line of defence against truncated copies.

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** The spec lets a header start anywhere in the first 1024 bytes (some tools prepend junk). */
const HEADER_WINDOW = 1024;
/** Readers look for the final %%EOF in the last 1024 bytes; anything after it must be padding. */
const TRAILER_WINDOW = 1024;

export function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(0, HEADER_WINDOW)
    .includes(ascii('%PDF-'));
}

/** Why the file looks cut short, or undefined when its end is intact. */
export function findTruncation(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = buffer.subarray(Math.max(0, buffer.length - TRAILER_WINDOW));
  const eof = tail.lastIndexOf(ascii('%%EOF'));
  if (eof < 0) return 'it has no end-of-file marker (%%EOF)';
  if (!tail.subarray(0, eof).includes(ascii('startxref'))) return 'its end has no cross-reference pointer';
  return undefined;
}

/** Encrypted files may fail to parse before pdf-lib reaches their trailer: look for the key itself. */
export function mentionsEncryption(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ascii('/Encrypt'));
}
