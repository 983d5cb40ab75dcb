// The fingerprint needs two dark masks of a whole side at one block size (everything dark, for the tilt;
// ink only, for the grid) and the side's grey levels. Both masks follow from each block's darkest grey, so
// one pass over the side's RGBA gives all three: no grey copy of the side, no second pass.
import type { RenderedPage } from '../../pdf/render-page';
import { LEVEL_SAMPLING, levelsOf, type Levels, type Mask } from '../locate/grey-image';

export interface DarkestBlocks {
  /** Of the whole side, exactly as measureLevels(toGrey(side)) measures them. */
  levels: Levels;
  /** Blocks across and down (a last partial block counts). */
  width: number;
  height: number;
  /** The darkest grey (toGrey's) of each `factor` × `factor` block, row by row. */
  darkest: Uint8Array;
}

export function darkestBlocks(image: RenderedPage, factor: number): DarkestBlocks {
  const width = Math.ceil(image.width / factor);
  const height = Math.ceil(image.height / factor);
  const darkest = new Uint8Array(width * height).fill(255);
  const histogram = new Uint32Array(256);
  let counted = 0;
  const aligned = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, image.width * image.height);
  // Pixel index (row by row) of the next pixel measureLevels would sample.
  let sample = 0;
  for (let y = 0; y < image.height; y++) {
    const row = y * image.width;
    const target = Math.floor(y / factor) * width;
    for (let bx = 0, x = 0; x < image.width; bx++) {
      const end = Math.min(image.width, x + factor);
      let min = darkest[target + bx] as number;
      for (; x < end; x++) {
        const p = pixels[row + x] as number;
        const grey = (77 * (p & 0xff) + 150 * ((p >>> 8) & 0xff) + 29 * ((p >>> 16) & 0xff)) >> 8;
        if (grey < min) min = grey;
        if (row + x === sample) {
          histogram[grey] = (histogram[grey] as number) + 1;
          counted++;
          sample += LEVEL_SAMPLING;
        }
      }
      darkest[target + bx] = min;
    }
  }
  return { levels: levelsOf(histogram, counted), width, height, darkest };
}

/** The blocks darker than `level`: darkMask(toGrey(side), level, factor). */
export function blocksBelow(blocks: DarkestBlocks, level: number): Mask {
  const data = new Uint8Array(blocks.darkest.length);
  for (let i = 0; i < data.length; i++) data[i] = (blocks.darkest[i] as number) < level ? 1 : 0;
  return { width: blocks.width, height: blocks.height, data };
}
