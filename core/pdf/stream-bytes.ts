// pdf-lib 1.17.1 (its last release) writes a stream's contents into the saved file one byte at a time in a
// JavaScript loop: a copy's scan images, megabytes each, made most of the split's CPU time (copyBytesInto
// was 41 % of bench/profile-split.ts on the 300 dpi single-JPEG batch). The same bytes are written here
// with one block copy each. Imported for its effect by whoever saves documents holding scan images.
import { PDFStream } from 'pdf-lib';

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
