// How a comb's rules look at full resolution: how far around its centre a rule darkens the paper (the band
// to wipe) and the grey of its print (ink must be well below it to show through it).
import type { Box } from './combs';
import type { GreyImage } from './grey-image';

export interface RuleLook {
  /** Half the band wiped around each rule's centre, pixels: half its thickness plus anti-aliasing. */
  halfWidth: number;
  /** Grey of the rules' print (the median along them): ink must be well below it to show through. */
  level: number;
}

/** A row darker than the paper by this fraction still shows the rule (its blurred edge). */
const FOOTPRINT_CONTRAST = 0.06;
/** The share of a row's pixels that must be darkened for the row to show the rule. */
const MARKED_SHARE = 0.2;

/**
 * How far from its centre row a horizontal rule darkens the paper, pixels: its print, plus the blur of the
 * scanner, JPEG and resampling around it, and the jags of a thresholded scan (a row counts when a fifth of
 * it is darkened: the rule's jags reach that). Measured on the rule's outer side (`outwards`: -1 up,
 * 1 down), away from the boxes, where no letters crowd against it; the rule, and the vertical rules
 * printed alike, blur as much on every side.
 */
export function footprint(
  patch: GreyImage,
  y: number,
  outwards: number,
  columns: { from: number; to: number },
  paper: number,
  reach: number,
): number {
  const centre = Math.round(y);
  const marked = (row: number) =>
    rowQuantile(patch, row, columns.from, columns.to, MARKED_SHARE) < paper * (1 - FOOTPRINT_CONTRAST);
  let extent = 0;
  while (extent < reach && marked(centre + outwards * (extent + 1))) extent++;
  return extent + Math.abs(y - centre) + 0.5;
}

function rowQuantile(patch: GreyImage, row: number, from: number, to: number, quantile: number): number {
  const histogram = new Uint32Array(256);
  const start = row * patch.width;
  for (let x = Math.round(from); x <= Math.round(to); x++) {
    const value = patch.data[start + x] as number;
    histogram[value] = (histogram[value] as number) + 1;
  }
  return histogramQuantile(histogram, quantile);
}

export function printLevel(patch: GreyImage, boxes: readonly Box[]): number {
  const histogram = new Uint32Array(256);
  const count = (x: number, y: number) => {
    const value = patch.data[Math.round(y) * patch.width + Math.round(x)] as number;
    histogram[value] = (histogram[value] as number) + 1;
  };
  for (const box of boxes) {
    for (let x = Math.ceil(box.left); x <= box.right; x++) {
      count(x, box.top);
      count(x, box.bottom);
    }
    for (let y = Math.ceil(box.top); y <= box.bottom; y++) count(box.left, y);
  }
  return histogramQuantile(histogram, 0.5);
}

function histogramQuantile(histogram: Uint32Array, quantile: number): number {
  let total = 0;
  for (const count of histogram) total += count;
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value] as number;
    if (seen >= quantile * total) return value;
  }
  return 255;
}
