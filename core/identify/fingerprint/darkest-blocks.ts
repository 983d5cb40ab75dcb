// The fingerprint needs two dark masks of a whole side at one block size (everything dark, for the tilt;
// ink only, for the grid) and the side's grey levels. Both masks follow from each block's darkest grey, so
// one pass over the side's grey gives both.
import { darkMask, measureLevels, type GreyImage, type Levels, type Mask } from '../locate/grey-image';

export interface DarkestBlocks {
  /** Of the whole side: measureLevels(grey). */
  levels: Levels;
  /** Blocks across and down (a last partial block counts). */
  width: number;
  height: number;
  /** The darkest grey of each `factor` × `factor` block, row by row. */
  darkest: Uint8Array;
}

/**
 * The smaller of two greys without a branch: scan noise makes "is this pixel darker" a coin toss, and a
 * mispredicted branch per pixel costs more than the arithmetic.
 */
function lower(a: number, b: number): number {
  const d = a - b;
  return b + (d & (d >> 31));
}

export function darkestBlocks(grey: GreyImage, factor: number): DarkestBlocks {
  const width = Math.ceil(grey.width / factor);
  const height = Math.ceil(grey.height / factor);
  const darkest = new Uint8Array(width * height);
  if (factor === 3) threeByThree(grey, darkest, width);
  else anySize(grey, factor, darkest, width);
  return { levels: measureLevels(grey), width, height, darkest };
}

/** The block size of a side read at 150 dpi (half a millimetre), written out: a third of anySize's time. */
function threeByThree({ data, width: across, height: down }: GreyImage, darkest: Uint8Array, width: number) {
  const whole = Math.floor(across / 3);
  for (let by = 0, top = 0; top < down; by++, top += 3) {
    // A last block one or two rows high reads its last row again in their place: the same darkest.
    const r0 = top * across;
    const r1 = Math.min(down - 1, top + 1) * across;
    const r2 = Math.min(down - 1, top + 2) * across;
    const target = by * width;
    for (let bx = 0, x = 0; bx < whole; bx++, x += 3) {
      let min = lower(data[r0 + x] as number, data[r0 + x + 1] as number);
      min = lower(data[r0 + x + 2] as number, min);
      min = lower(data[r1 + x] as number, min);
      min = lower(data[r1 + x + 1] as number, min);
      min = lower(data[r1 + x + 2] as number, min);
      min = lower(data[r2 + x] as number, min);
      min = lower(data[r2 + x + 1] as number, min);
      darkest[target + bx] = lower(data[r2 + x + 2] as number, min);
    }
    if (whole < width) {
      // The last block, one or two columns wide.
      let min = 255;
      for (let x = whole * 3; x < across; x++)
        min = lower(
          lower(data[r0 + x] as number, data[r1 + x] as number),
          lower(data[r2 + x] as number, min),
        );
      darkest[target + whole] = min;
    }
  }
}

function anySize(
  { data, width: across, height: down }: GreyImage,
  factor: number,
  darkest: Uint8Array,
  width: number,
) {
  // A row of blocks: first each column's darkest over the block's rows, then each block's over its columns.
  const columns = new Uint8Array(across);
  for (let by = 0, top = 0; top < down; by++, top += factor) {
    columns.set(data.subarray(top * across, (top + 1) * across));
    for (let y = top + 1; y < Math.min(down, top + factor); y++) {
      const row = y * across;
      for (let x = 0; x < across; x++) columns[x] = lower(data[row + x] as number, columns[x] as number);
    }
    const target = by * width;
    for (let bx = 0, x = 0; bx < width; bx++) {
      const end = Math.min(across, x + factor);
      let min = columns[x++] as number;
      for (; x < end; x++) min = lower(columns[x] as number, min);
      darkest[target + bx] = min;
    }
  }
}

/** The blocks darker than `level`: darkMask(grey, level, factor), from the blocks' darkest greys. */
export function blocksBelow(blocks: DarkestBlocks, level: number): Mask {
  return darkMask({ width: blocks.width, height: blocks.height, data: blocks.darkest }, level, 1);
}
