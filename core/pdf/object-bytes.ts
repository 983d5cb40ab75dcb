// pdf-lib parses every object of a scan and, to save a copy, spells each one out again from its parsed
// form, character by character: thousands of dictionaries for a compact batch. The scan already holds
// each object's spelling. While pdf-lib parses, this keeps, for each dictionary, array and stream that
// is a whole indirect object, the bytes it was parsed from: a view into the file, no copy (the parser's
// stream contents are views into the same bytes, see stream-bytes.ts). Any document parsed after this
// module is imported gets them; the bytes go when the parsed object goes.
import { PDFArray, PDFDict, PDFParser, PDFRawStream, type PDFObject } from 'pdf-lib';

const parsedFrom = new WeakMap<PDFObject, Uint8Array>();

/** The bytes `object` was parsed from, "N G obj" and "endobj" excluded; undefined when not known. */
export function bytesParsedFrom(object: PDFObject): Uint8Array | undefined {
  return parsedFrom.get(object);
}

/** pdf-lib's parser, as far as this module reaches into it (private in its typings). */
interface Parser {
  bytes: { bytes: Uint8Array; offset(): number };
  /** Where the last "N G obj" ended, until the object after it starts being parsed. */
  headerEnd?: number;
  parseIndirectObjectHeader(): unknown;
  parseObject(): PDFObject;
}

const parser = PDFParser.prototype as unknown as Parser;
const parseHeader = parser.parseIndirectObjectHeader;
const parseObject = parser.parseObject;

parser.parseIndirectObjectHeader = function (this: Parser) {
  const ref = parseHeader.call(this);
  this.headerEnd = this.bytes.offset();
  return ref;
};

// An indirect object's body is the first object parsed after its header; the values inside it are
// parsed by nested calls, which find no header pending.
parser.parseObject = function (this: Parser) {
  const { headerEnd } = this;
  this.headerEnd = undefined;
  const start = this.bytes.offset();
  const object = parseObject.call(this);
  const file = this.bytes.bytes;
  if (
    headerEnd !== undefined &&
    (object instanceof PDFDict || object instanceof PDFArray || object instanceof PDFRawStream) &&
    onlyWhitespace(file, headerEnd, start)
  ) {
    parsedFrom.set(object, file.subarray(start, this.bytes.offset()));
  }
  return object;
};

/** PDF white-space characters: NUL, tab, line feed, form feed, carriage return, space. */
function onlyWhitespace(bytes: Uint8Array, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const byte = bytes[at]!;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== 0x0c && byte !== 0x00)
      return false;
  }
  return true;
}
