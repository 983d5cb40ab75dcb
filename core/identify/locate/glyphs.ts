// A page-box cell holds a number of one or two digits ("8", "12"): cut it into one strip per digit, so a
// digit reader can read them one by one. Two digits mostly stand apart, with a gap of clear columns
// between them and a fair share of the ink on either side; one digit has no such gap. Two digits written
// touching are cut where they meet, when the ink is wider than tall (or fills the box from side to side
// and is wider than four fifths of its height) and has a waist no thicker than one stroke: a single digit
// seldom is all that (a wide 3 now and then is, and is cut in two).
import type { CellImage } from '../types';
import { isEmptyCell } from './cell-ink';

/** Darker than this (of 255) is ink. */
const INK_LEVEL = 140;
/** The gap between two digits, as a fraction of the ink's height: pen wobble leaves narrower slits. */
const MIN_GAP = 0.05;
/** Each of two digits holds at least this share of the ink. */
const MIN_SHARE = 0.2;
/** Two digits squeezed into one box: ink this wide, as a fraction of the cell's width and of its height. */
const SQUEEZED_WIDTH = 0.85;
const SQUEEZED_ASPECT = 0.8;

/** The cell cut into vertical strips, one per digit, left to right; none when it is empty. */
export function splitGlyphs(cell: CellImage): CellImage[] {
  if (isEmptyCell(cell)) return [];
  const { width, height, data } = cell;
  const columns = new Uint32Array(width);
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[y * width + x] as number) >= INK_LEVEL) continue;
      columns[x] = (columns[x] as number) + 1;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const inked = [...columns.keys()].filter((x) => (columns[x] as number) > 0);
  const left = inked[0];
  const right = inked[inked.length - 1];
  if (left === undefined || right === undefined) return [];
  const inkWidth = right - left + 1;
  const inkHeight = bottom - top + 1;
  const gap = widestGap(columns, left, right);
  let cut: number | null = null;
  if (gap && gap.width >= MIN_GAP * inkHeight) cut = gap.middle;
  else if (
    (inkWidth >= SQUEEZED_WIDTH * width && inkWidth >= SQUEEZED_ASPECT * inkHeight) ||
    inkWidth >= inkHeight
  ) {
    cut = waist(columns, left, right, strokeWidth(cell));
  }
  if (cut === null) return [cell];
  const total = inked.reduce((sum, x) => sum + (columns[x] as number), 0);
  const share = inkBefore(columns, cut) / total;
  if (share < MIN_SHARE || share > 1 - MIN_SHARE) return [cell];
  return [strip(cell, 0, cut), strip(cell, cut, width)];
}

/** The thinnest column of the ink's middle half, if it crosses no more than one stroke. */
function waist(columns: Uint32Array, left: number, right: number, stroke: number): number | null {
  const quarter = Math.floor((right - left + 1) / 4);
  let best = left + quarter;
  for (let x = best; x <= right - quarter; x++)
    if ((columns[x] as number) < (columns[best] as number)) best = x;
  return (columns[best] as number) <= stroke ? best : null;
}

/** The pen's width: the median length of the ink's runs down the columns. */
function strokeWidth({ width, height, data }: CellImage): number {
  const runs: number[] = [];
  for (let x = 0; x < width; x++) {
    let run = 0;
    for (let y = 0; y <= height; y++) {
      if (y < height && (data[y * width + x] as number) < INK_LEVEL) run++;
      else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? 0;
}

/** The widest run of empty columns between `left` and `right`, by its middle column. */
function widestGap(
  columns: Uint32Array,
  left: number,
  right: number,
): { middle: number; width: number } | null {
  let best: { middle: number; width: number } | null = null;
  let start = -1;
  for (let x = left; x <= right; x++) {
    if (columns[x] === 0) {
      if (start < 0) start = x;
      continue;
    }
    if (start >= 0 && (!best || x - start > best.width))
      best = { middle: Math.floor((start + x) / 2), width: x - start };
    start = -1;
  }
  return best;
}

function inkBefore(columns: Uint32Array, x: number): number {
  let sum = 0;
  for (let c = 0; c < x; c++) sum += columns[c] as number;
  return sum;
}

function strip(cell: CellImage, from: number, to: number): CellImage {
  const width = to - from;
  const data = new Uint8Array(width * cell.height);
  for (let y = 0; y < cell.height; y++) {
    data.set(cell.data.subarray(y * cell.width + from, y * cell.width + to), y * width);
  }
  return { width, height: cell.height, data };
}
