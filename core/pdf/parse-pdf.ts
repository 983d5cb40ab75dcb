import { PDFDocument, ParseSpeeds } from 'pdf-lib';

/**
 * Parses without pdf-lib's console chatter ("Trying to parse invalid object ..."): damaged objects are
 * found and reported by the page checks, and a CLI must not print library noise on stderr. With
 * ParseSpeeds.Fastest the parser never waits on a timer, which keeps the window where console.warn is
 * replaced to the parse itself.
 */
export async function parsePdfQuietly(bytes: Uint8Array): Promise<PDFDocument> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } finally {
    console.warn = warn;
  }
}
