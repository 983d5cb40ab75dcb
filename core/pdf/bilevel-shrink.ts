// A deflated 1-bit scan shrunk by a whole factor to grey, straight from its packed bits: each grey pixel is
// the share of white samples in its factor × factor block (a box filter, what a 2:1 shrink of a 1-bit page
// calls for). libvips' TIFF loader cannot shrink while decoding: it unpacks all 17 million samples of a
// 300 dpi A3 side to bytes and resamples them (~110 ms); counting the black bits of the packed rows, most of
// whose bytes are all white, costs a fifth of that.
import { inflateSync } from 'node:zlib';
import type { BilevelBits } from './bilevel-tiff';
import { GREY_PIXEL, type Samples } from './displayed-pixels';

/** Black samples in a byte's bits, most significant first: bit `7 - k` is column k. */
const BLACK_BIT = [0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01];

/**
 * For a pair of bytes one above the other (black samples set), the grey of their four 2 × 2 blocks, one byte
 * each, left block in the low byte: one look-up does a 2:1 shrink of eight samples of two rows.
 */
const TWO_BY_TWO = (() => {
  const grey = [255, 191, 128, 64, 0];
  const black = (byte: number, block: number) =>
    ((byte >> (6 - 2 * block)) & 1) + ((byte >> (7 - 2 * block)) & 1);
  const table = new Uint32Array(1 << 16);
  for (let above = 0; above < 256; above++) {
    for (let below = 0; below < 256; below++) {
      let blocks = 0;
      for (let block = 0; block < 4; block++)
        blocks |= grey[black(above, block) + black(below, block)]! << (8 * block);
      table[(above << 8) | below] = blocks >>> 0;
    }
  }
  return table;
})();

/**
 * `bits` (deflated) shrunk by `factor` (a whole number ≥ 1): ⌈width / factor⌉ × ⌈height / factor⌉ opaque grey
 * RGBA pixels, written as RGBA at once: a page widened from one byte a pixel would cost another pass.
 */
export function shrinkBilevel(bits: BilevelBits, factor: number): Samples {
  if (bits.compression !== 'deflate') throw new Error(`${bits.compression} bits are decoded by libtiff`);
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`shrink factor ${factor} is not whole`);
  const { width, height } = bits;
  const packed = inflateSync(bits.data);
  const rowBytes = (width + 7) >> 3;
  if (packed.length < rowBytes * height)
    throw new Error(`a 1-bit image's data holds ${packed.length} bytes, not ${rowBytes * height}`);
  // Black samples set: a 1 bit is black where 0 is white.
  const flip = bits.photometric === 'white-is-zero' ? 0x00 : 0xff;
  const [outWidth, outHeight] = [Math.ceil(width / factor), Math.ceil(height / factor)];
  const out = { words: new Uint32Array(outWidth * outHeight), width: outWidth, height: outHeight };
  const blocks = { packed, rowBytes, flip, width, height, factor, out };
  if (factor === 2) {
    halves(blocks);
    // The last column and row are blocks of fewer samples when the size is odd.
    if (width % 2) greyBlocks(blocks, 0, out.height, out.width - 1);
    if (height % 2) greyBlocks(blocks, out.height - 1, out.height, 0);
  } else {
    greyBlocks(blocks, 0, out.height, 0);
  }
  return { data: new Uint8Array(out.words.buffer), width: outWidth, height: outHeight, channels: 4 };
}

interface Blocks {
  packed: Uint8Array;
  rowBytes: number;
  flip: number;
  width: number;
  height: number;
  factor: number;
  out: { words: Uint32Array; width: number; height: number };
}

/** Every whole 2 × 2 block, a pair of bytes at a time. */
function halves({ packed, rowBytes, flip, height, out }: Blocks): void {
  const pairs = Math.floor(height / 2);
  const across = out.width;
  for (let y = 0; y < pairs; y++) {
    const above = 2 * y * rowBytes;
    const below = above + rowBytes;
    const at = y * across;
    for (let byte = 0; byte < rowBytes; byte++) {
      const grey = TWO_BY_TWO[((packed[above + byte]! ^ flip) << 8) | (packed[below + byte]! ^ flip)]!;
      const x = at + byte * 4;
      // A row's last byte may hold fewer than four blocks: its others are the next row's, written after.
      out.words[x] = GREY_PIXEL[grey & 0xff]!;
      out.words[x + 1] = GREY_PIXEL[(grey >> 8) & 0xff]!;
      out.words[x + 2] = GREY_PIXEL[(grey >> 16) & 0xff]!;
      out.words[x + 3] = GREY_PIXEL[grey >>> 24]!;
    }
  }
}

/** Output rows `fromY` to `toY` (excluded), columns `fromX` on, counting the black samples of each block. */
function greyBlocks(blocks: Blocks, fromY: number, toY: number, fromX: number): void {
  const { packed, rowBytes, flip, width, height, factor, out } = blocks;
  const black = new Uint16Array(out.width);
  // The pad bits after a row's last sample are not samples.
  const lastByte = rowBytes - 1;
  const lastMask = (0xff << (rowBytes * 8 - width)) & 0xff;
  const firstByte = (fromX * factor) >> 3;
  for (let outY = fromY; outY < toY; outY++) {
    black.fill(0);
    const top = outY * factor;
    const rows = Math.min(height, top + factor) - top;
    for (let y = top; y < top + rows; y++) {
      const start = y * rowBytes;
      for (let byte = firstByte; byte < rowBytes; byte++) {
        let value = packed[start + byte]! ^ flip;
        if (byte === lastByte) value &= lastMask;
        if (value === 0) continue;
        for (let k = 0; k < 8; k++) {
          const x = byte * 8 + k;
          if (value & BLACK_BIT[k]! && x >= fromX * factor) black[Math.floor(x / factor)]!++;
        }
      }
    }
    const at = outY * out.width;
    for (let outX = fromX; outX < out.width; outX++) {
      const samples = rows * (Math.min(width, (outX + 1) * factor) - outX * factor);
      out.words[at + outX] = GREY_PIXEL[Math.round((255 * (samples - black[outX]!)) / samples)]!;
    }
  }
}
