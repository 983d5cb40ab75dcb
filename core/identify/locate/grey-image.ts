// Grey levels of a rendering, and the two levels everything else is measured against: the paper, and the
// darkness that counts as printed or written marks on it. Measured per image, so a yellowish sheet, a dim
// lamp or a bilevel scan all end up on the same scale.
import { isGrey, type PagePixels, type RenderedPage } from '../../pdf/render-page';
import type { CellImage } from '../cell-image';

/**
 * Ink is darker than this fraction of the paper's grey: handwriting is; printed grey rules, boxes and the
 * hatched band of a verso mostly are not.
 */
export const INK = 0.55;

/** 0 = black, 255 = white, row-major (the same layout as a cell crop). */
export type GreyImage = CellImage;

/**
 * Luminance (Rec. 601 weights, integer arithmetic: this runs on every pixel of every sheet), into `into`
 * when it is given and has the right size.
 */
export function toGrey(image: RenderedPage, into?: Uint8Array): GreyImage {
  const { width, height } = image;
  const count = width * height;
  const grey = into?.length === count ? into : new Uint8Array(count);
  const pixels = rgbaWords(image);
  // Written out here, not a helper called per pixel: the loop is the cost of a side's grey. Red and blue are
  // weighed in one multiplication: (r + b·2¹⁶)·(77·2¹⁶ + 29) holds 77r + 29b (< 2¹⁵) in bits 16–31 and 29r
  // (< 2¹⁶) below them, the rest falls off the 32 bits.
  for (let i = 0; i < count; i++) {
    const p = pixels[i] as number;
    grey[i] = ((Math.imul(p & 0xff00ff, 0x4d001d) >>> 16) + 150 * ((p >>> 8) & 0xff)) >> 8;
  }
  return { width, height, data: grey };
}

/** One 32-bit word per pixel (RGBA in memory order: red in the low byte on little-endian machines). */
export function rgbaWords({ width, height, data }: RenderedPage): Uint32Array {
  // A view needs a 4-byte-aligned start.
  const aligned = data.byteOffset % 4 === 0 ? data : data.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
}

/**
 * A rendering (RGBA) or its grey already, as a grey scan is decoded (PagePixels): the box searches start
 * from grey, and a caller that cut its region grey straight from the side (PageView.greyRegion) saves the
 * colour copy and the conversion.
 */
export type Pixels = PagePixels;

/** The grey of `image`: itself when it is grey already, else toGrey's. */
export function greyOf(image: Pixels): GreyImage {
  return isGrey(image) ? image : toGrey(image);
}

export interface Levels {
  paper: number;
  /** Pixels darker than this are marks (printed lines, text, ink); lighter ones are paper and noise. */
  dark: number;
}

/**
 * The paper is most of any region we look at, so its level is a high-middle percentile: robust to the ink
 * and to the lid's white showing past a shifted sheet. Marks are anything clearly darker: a thin grey box
 * line rendered at 150 dpi is only some 70 levels below the paper, JPEG ringing and sensor noise stay
 * within 20.
 */
export function measureLevels(grey: GreyImage): Levels {
  const histogram = new Uint32Array(256);
  const { data } = grey;
  // Every LEVEL_SAMPLING-th pixel is plenty for a histogram, and 7 divides no common width: no column is
  // favoured.
  let counted = 0;
  for (let i = 0; i < data.length; i += LEVEL_SAMPLING, counted++) {
    const value = data[i] as number;
    histogram[value] = (histogram[value] as number) + 1;
  }
  return levelsOf(histogram, counted);
}

export const LEVEL_SAMPLING = 7;

/** The levels of a histogram of `counted` pixels' grey (sampled as measureLevels samples them). */
export function levelsOf(histogram: Uint32Array, counted: number): Levels {
  const wanted = counted * 0.6;
  let seen = 0;
  let paper = 255;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level] as number;
    if (seen >= wanted) {
      paper = level;
      break;
    }
  }
  paper = Math.max(paper, 64);
  return { paper, dark: Math.round(paper * 0.75) };
}

export interface Mask {
  width: number;
  height: number;
  /** 1 = dark. */
  data: Uint8Array;
}

/**
 * Where the marks are, at 1/`factor` of the resolution: a mask pixel is dark when any pixel of its
 * `factor` × `factor` block is, so a rule thinner than a block still shows, unbroken.
 */
export function darkMask(grey: GreyImage, level: number, factor: number): Mask {
  const width = Math.ceil(grey.width / factor);
  const height = Math.ceil(grey.height / factor);
  const data = new Uint8Array(width * height);
  if (factor === 1) {
    darkPixels(grey.data, Math.ceil(level), data);
    return { width, height, data };
  }
  const column = Int32Array.from({ length: grey.width }, (_, x) => Math.floor(x / factor));
  for (let y = 0; y < grey.height; y++) {
    const source = y * grey.width;
    const target = Math.floor(y / factor) * width;
    for (let x = 0; x < grey.width; x++) {
      if ((grey.data[source + x] as number) < level) data[target + (column[x] as number)] = 1;
    }
  }
  return { width, height, data };
}

/**
 * The searches' factor at 150 dpi: a pixel is dark when its grey is below `bound`, with no branch on noisy
 * paper. Four pixels a step for a bound of 0–256 where the grey's start allows a 32-bit view: each pair of
 * alternate bytes sits in 16-bit lanes, and a grey plus 256 - bound carries into its lane's bit 8 exactly
 * when it is not below the bound.
 */
function darkPixels(grey: Uint8Array, bound: number, dark: Uint8Array): void {
  let i = 0;
  if (bound >= 0 && bound <= 256 && grey.byteOffset % 4 === 0) {
    const words = new Uint32Array(grey.buffer, grey.byteOffset, grey.length >> 2);
    const out = new Uint32Array(dark.buffer, dark.byteOffset, words.length);
    const lift = Math.imul(256 - bound, 0x10001);
    for (let k = 0; k < words.length; k++) {
      const word = words[k] as number;
      const even = ~((word & 0xff00ff) + lift) >>> 8;
      const odd = ~(((word >>> 8) & 0xff00ff) + lift) >>> 8;
      out[k] = (even & 0x10001) | ((odd & 0x10001) << 8);
    }
    i = words.length << 2;
  }
  // Past the words (or without them), the difference's sign bit.
  for (; i < grey.length; i++) dark[i] = ((grey[i] as number) - bound) >>> 31;
}
