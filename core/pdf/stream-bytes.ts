// Costs of pdf-lib 1.17.1 (its last release) with scans, where every page carries images of megabytes:
// - it writes a stream's contents, and an object kept as raw bytes, into the saved file one byte at a
//   time in a JavaScript loop (copyBytesInto was 41 % of bench/profile-split.ts on the 300 dpi
//   single-JPEG batch): here with one block copy;
// - copying a page into a copy's document duplicates each image's bytes (clone): here a copied stream
//   shares its source's bytes;
// - parsing copies every stream's bytes out of the file (ByteStream.slice: 110 ms and a second copy of
//   a 81 MB scan held in memory): here a stream's contents are a view into the file's bytes.
// pdf-lib never writes into a raw stream's contents or a raw object's bytes (they are `readonly`), and
// neither does the station. A view keeps the whole file's bytes alive while any object parsed from it
// lives; the station holds each scan's bytes for as long as its parsed document anyway (the reading
// workers render from them). Imported for its effect by whoever parses scans or saves their pages.
import { PDFInvalidObject, PDFParser, PDFRawStream, PDFStream, type PDFContext } from 'pdf-lib';

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

PDFInvalidObject.prototype.copyBytesInto = function copyBytesInto(
  this: PDFInvalidObject,
  buffer: Uint8Array,
  offset: number,
): number {
  const data = (this as unknown as { data: Uint8Array }).data;
  buffer.set(data, offset);
  return data.length;
};

// pdf-lib does not export its ByteStream class: reached through the stream of a parser.
const byteStream = Object.getPrototypeOf(
  (PDFParser.forBytesWithOptions(new Uint8Array(0)) as unknown as { bytes: object }).bytes,
) as { slice(this: { bytes: Uint8Array }, start: number, end: number): Uint8Array };
byteStream.slice = function slice(this: { bytes: Uint8Array }, start: number, end: number) {
  return this.bytes.subarray(start, end);
};
