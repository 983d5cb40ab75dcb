// Two costs of pdf-lib 1.17.1 (its last release) in the split, where every copy carries scan images of
// megabytes each: it writes a stream's contents into the saved file one byte at a time in a JavaScript
// loop (copyBytesInto was 41 % of bench/profile-split.ts on the 300 dpi single-JPEG batch), and copying a
// page into a copy's document duplicates each image's bytes (clone). Here the same bytes are written with
// one block copy, and a copied stream shares its source's bytes: pdf-lib never writes into a raw stream's
// contents (they are `readonly`), and neither does the station. Imported for its effect by whoever copies
// pages and saves documents holding scan images.
import { PDFRawStream, PDFStream, type PDFContext } from 'pdf-lib';

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const OPEN = ascii('\nstream\n');
const CLOSE = ascii('\nendstream');

PDFStream.prototype.copyBytesInto = function copyBytesInto(
  this: PDFStream,
  buffer: Uint8Array,
  offset: number,
): number {
  this.updateDict();
  let at = offset + this.dict.copyBytesInto(buffer, offset);
  buffer.set(OPEN, at);
  at += OPEN.length;
  const contents = this.getContents();
  buffer.set(contents, at);
  at += contents.length;
  buffer.set(CLOSE, at);
  at += CLOSE.length;
  return at - offset;
};

PDFRawStream.prototype.clone = function clone(this: PDFRawStream, context?: PDFContext): PDFRawStream {
  return PDFRawStream.of(this.dict.clone(context), this.contents);
};
