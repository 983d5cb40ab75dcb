// A PDF's 1-bit image data, as stored, framed as a one-strip TIFF so that sharp (libvips, through libtiff)
// decodes it: a Flate stream is TIFF's Adobe Deflate strip byte for byte, and its rows are packed the same
// way (most significant bit first, each row padded to a byte). No bit is inflated or unpacked in JavaScript.

/** TIFF's /PhotometricInterpretation: which sample value is white. */
export type Photometric = 'white-is-zero' | 'black-is-zero';

const SHORT = 3;
const LONG = 4;
const ADOBE_DEFLATE = 8;
const HEADER_BYTES = 8;
const ENTRY_BYTES = 12;

export function bilevelTiff(
  deflated: Uint8Array,
  width: number,
  height: number,
  photometric: Photometric,
): Buffer {
  // Tags in ascending order, as TIFF requires; the strip follows the directory.
  const entries: [tag: number, type: number, value: number][] = [
    [256, LONG, width],
    [257, LONG, height],
    [258, SHORT, 1], // BitsPerSample
    [259, SHORT, ADOBE_DEFLATE],
    [262, SHORT, photometric === 'white-is-zero' ? 0 : 1],
    [273, LONG, 0], // StripOffsets, set below
    [277, SHORT, 1], // SamplesPerPixel
    [278, LONG, height], // RowsPerStrip
    [279, LONG, deflated.length], // StripByteCounts
  ];
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
  return Buffer.concat([head, deflated]);
}
