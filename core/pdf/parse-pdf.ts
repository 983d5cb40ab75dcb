import { PDFDocument, ParseSpeeds } from 'pdf-lib';
// Streams parsed as views into the file's bytes, not copies of them (see stream-bytes.ts), and each
// object's own bytes kept for the copies to be written from (see object-bytes.ts).
import './stream-bytes';
import './object-bytes';
import './name-pool';

/**
 * pdf-lib's parser writes its findings ("Trying to parse invalid object ...") with console.warn and has no
 * option or logger to stop it; damaged objects are found and reported by the page checks, and a CLI must
 * not print library noise on stderr. So while any parse runs, console.warn drops those messages, and only
 * those: another request's warnings still go through, and the last parse to end puts console.warn back,
 * however parses of concurrent requests interleave.
 */
const PDF_LIB_NOISE =
  /^(Trying to parse invalid object|Invalid object ref|Removing parsed object|Parsed number that is too large|Removing XFA form data)/;

let parsing = 0;
let original: typeof console.warn = console.warn;

function filtered(...args: unknown[]): void {
  if (typeof args[0] === 'string' && PDF_LIB_NOISE.test(args[0])) return;
  original.apply(console, args);
}

export async function parsePdfQuietly(bytes: Uint8Array): Promise<PDFDocument> {
  if (parsing++ === 0) {
    original = console.warn;
    console.warn = filtered;
  }
  try {
    return await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } finally {
    // Someone who replaced console.warn meanwhile (a test's spy) keeps theirs.
    if (--parsing === 0 && console.warn === filtered) console.warn = original;
  }
}
