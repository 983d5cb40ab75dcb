// Cheap byte-level checks made before parsing. pdf-lib's parser reads objects in file order and ignores
// the cross-reference table, so a file cut short still "loads" with its last pages silently missing:
// the end-of-file marker is the first line of defence against truncated copies.

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** The spec lets a header start anywhere in the first 1024 bytes (some tools prepend junk). */
const HEADER_WINDOW = 1024;
/** Readers look for the final %%EOF in the last 1024 bytes, padding aside. */
const TRAILER_WINDOW = 1024;
/** NUL, whitespace and Ctrl-Z (an old end-of-file mark): what tools pad a file's end with. */
const PADDING = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x1a]);

export function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(0, HEADER_WINDOW)
    .includes(ascii('%PDF-'));
}

/** Why the file looks cut short, or undefined when its end is intact. */
export function findTruncation(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Padding after the marker (NULs a copier or a transfer tool appended, blank lines) is not content.
  let end = buffer.length;
  while (end > 0 && PADDING.has(buffer[end - 1]!)) end--;
  const tail = buffer.subarray(Math.max(0, end - TRAILER_WINDOW), end);
  const eof = tail.lastIndexOf(ascii('%%EOF'));
  if (eof < 0) return 'it has no end-of-file marker (%%EOF)';
  if (!tail.subarray(0, eof).includes(ascii('startxref'))) return 'its end has no cross-reference pointer';
  return undefined;
}

/** Encrypted files may fail to parse before pdf-lib reaches their trailer: look for the key itself. */
export function mentionsEncryption(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ascii('/Encrypt'));
}
