// CCITT Group 4 data for tests, as a PDF's /CCITTFaxDecode (K -1) holds it: encoded by libtiff through
// sharp's TIFF output (no hand-written encoder, no binary fixture), cut out of the one-strip file it writes.
import sharp from 'sharp';

/**
 * `rows` (1 bit a sample, packed, each row padded to a byte) encoded as Group 4. Its black runs are the
 * samples equal to 1 when `blackIs1`, else those equal to 0, as /BlackIs1 says.
 */
export async function group4(
  rows: Uint8Array,
  width: number,
  height: number,
  blackIs1: boolean,
): Promise<Uint8Array> {
  const rowBytes = Math.ceil(width / 8);
  const black = blackIs1 ? 1 : 0;
  // Min-is-black: a 255 sample is written as a set bit, which Group 4 codes as black.
  const samples = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (((rows[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) === black) samples[y * width + x] = 255;
  const tiff = await sharp(samples, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    // One strip for the whole image: the strip's rows are a multiple of 16.
    .tiff({ compression: 'ccittfax4', bitdepth: 1, tileHeight: Math.ceil(height / 16) * 16 })
    .toBuffer();
  const tags = tiffTags(tiff);
  if (tags.get(259) !== 4 || tags.get(262) !== 1 || !(tags.get(278)! >= height))
    throw new Error('sharp did not write one Group 4, min-is-black strip');
  return tiff.subarray(tags.get(273)!, tags.get(273)! + tags.get(279)!);
}

/** The first directory's single-valued tags. */
function tiffTags(tiff: Buffer): Map<number, number> {
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const directory = u32(4);
  const tags = new Map<number, number>();
  for (let i = 0; i < u16(directory); i++) {
    const at = directory + 2 + i * 12;
    if (u32(at + 4) === 1) tags.set(u16(at), u16(at + 2) === 3 ? u16(at + 8) : u32(at + 8));
  }
  return tags;
}
