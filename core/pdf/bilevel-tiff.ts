// A PDF's 1-bit image data, as stored, framed as a one-strip TIFF so that sharp (libvips, through libtiff)
// decodes it: a Flate stream is TIFF's Adobe Deflate strip byte for byte, and CCITT Group 4 data (/K < 0,
// what copiers write) is TIFF's compression 4 strip; rows are packed the same way (most significant bit
// first, each row padded to a byte). No bit is inflated, decoded or unpacked in JavaScript.

/** TIFF's /PhotometricInterpretation: which sample value is white. */
export type Photometric = 'white-is-zero' | 'black-is-zero';
/** How the bits are stored: /FlateDecode, or /CCITTFaxDecode with K < 0. */
export type BilevelCompression = 'deflate' | 'group-4';

/** A PDF's stored 1-bit data, with what a TIFF needs to say about it. */
export interface BilevelBits {
  data: Uint8Array;
  width: number;
  height: number;
  compression: BilevelCompression;
  /**
   * Which sample value is white once decoded. For a mask, a sample that decodes white is one that paints
   * (mask-sheet.ts): the value follows from /Decode and, for CCITT data (whose set samples are its black
   * runs), /BlackIs1.
   */
  photometric: Photometric;
}

const SHORT = 3;
const LONG = 4;
const COMPRESSION = { deflate: 8, 'group-4': 4 } as const;
const HEADER_BYTES = 8;
const ENTRY_BYTES = 12;

export function bilevelTiff({ data, width, height, compression, photometric }: BilevelBits): Buffer {
  // Tags in ascending order, as TIFF requires; the strip follows the directory.
  const entries: [tag: number, type: number, value: number][] = [
    [256, LONG, width],
    [257, LONG, height],
    [258, SHORT, 1], // BitsPerSample
    [259, SHORT, COMPRESSION[compression]],
    [262, SHORT, photometric === 'white-is-zero' ? 0 : 1],
    [273, LONG, 0], // StripOffsets, set below
    [277, SHORT, 1], // SamplesPerPixel
    [278, LONG, height], // RowsPerStrip
    [279, LONG, data.length], // StripByteCounts
  ];
  // Group 4 with no uncompressed mode, as a PDF's CCITT filter encodes it.
  if (compression === 'group-4') entries.push([293, LONG, 0]); // T6Options
  const directoryBytes = 2 + entries.length * ENTRY_BYTES + 4;
  const head = Buffer.alloc(HEADER_BYTES + directoryBytes);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(HEADER_BYTES, 4);
  head.writeUInt16LE(entries.length, HEADER_BYTES);
  entries.forEach(([tag, type, value], i) => {
    const at = HEADER_BYTES + 2 + i * ENTRY_BYTES;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(type, at + 2);
    head.writeUInt32LE(1, at + 4);
    const written = tag === 273 ? head.length : value;
    if (type === SHORT) head.writeUInt16LE(written, at + 8);
    else head.writeUInt32LE(written, at + 8);
  });
  return Buffer.concat([head, data]);
}
