// The classifier's view of a cell: whatever its size, resolution and scanner, the part of the crop around
// its ink is scaled to fit a fixed grid without changing its proportions (a narrow strip cut from a
// two-digit page box stays narrow, a letter the box finder grew its cell for stays whole), centred on paper,
// and its tones stretched so that paper is 0 and full ink is 1. Training and reading both go through this
// one function, so they cannot disagree on what the network sees.
import type { CellImage } from '../types';

export const INPUT_WIDTH = 24;
export const INPUT_HEIGHT = 32;

/**
 * The least paper-to-ink difference stretched to full scale: a blank cell's sensor noise or a faint smudge
 * must stay faint, not be blown up into strokes.
 */
const MIN_CONTRAST = 96;

/**
 * The window never shrinks below this share of the cell either way: a small letter is enlarged at most
 * 1 / MIN_WINDOW times, a speck of noise in an empty box is not blown up into a stroke, and a letter keeps
 * some sense of where it sat in its box (a hyphen is not a box rule).
 */
const MIN_WINDOW = 0.6;
/** Paper kept around the ink, as a share of the cell's height. */
const MARGIN = 0.06;

interface Window {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One axis of the window: `size` wide around [from, to], inside [0, length). */
function span(from: number, to: number, length: number, margin: number): [number, number] {
  const size = Math.min(length, Math.max(to - from + 1 + 2 * margin, Math.round(MIN_WINDOW * length)));
  const start = Math.round((from + to + 1) / 2 - size / 2);
  return [Math.max(0, Math.min(length - size, start)), size];
}

/** Where the ink lies (darker than half way from paper to full ink), with a margin; the whole cell if none. */
function inkWindow(cell: CellImage, paper: number, contrast: number): Window {
  const { width, height, data } = cell;
  const threshold = paper - contrast / 2;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[y * width + x] as number) > threshold) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) return { x: 0, y: 0, width, height };
  const margin = Math.round(MARGIN * height);
  const [x, windowWidth] = span(x0, x1, width, margin);
  const [y, windowHeight] = span(y0, y1, height, margin);
  return { x, y, width: windowWidth, height: windowHeight };
}

/** The grey level below which `fraction` of the pixels lie. */
function percentile(histogram: Uint32Array, total: number, fraction: number): number {
  const target = fraction * total;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level] as number;
    if (seen > target) return level;
  }
  return 255;
}

/**
 * For each output position along one axis, the source pixels it covers and their weights (area averaging,
 * which also stretches a crop smaller than the grid).
 */
function areaWeights(source: number, target: number): { start: number; weights: number[] }[] {
  const step = source / target;
  return Array.from({ length: target }, (_, i) => {
    const from = i * step;
    const to = from + step;
    const start = Math.floor(from);
    const weights: number[] = [];
    for (let s = start; s < Math.min(source, Math.ceil(to)); s++) {
      weights.push((Math.min(to, s + 1) - Math.max(from, s)) / step);
    }
    return { start, weights };
  });
}

/** Writes the network input of `cell` into `out` (INPUT_HEIGHT rows of INPUT_WIDTH, ink = 1). */
export function cellToInput(
  cell: CellImage,
  out: Float32Array = new Float32Array(INPUT_WIDTH * INPUT_HEIGHT),
): Float32Array {
  const { width, height, data } = cell;
  if (width < 1 || height < 1 || data.length !== width * height) {
    throw new Error(
      `A cell image must be width × height grey bytes, got ${width} × ${height} with ${data.length}.`,
    );
  }
  const histogram = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) {
    const value = data[i] as number;
    histogram[value] = (histogram[value] as number) + 1;
  }
  const paper = percentile(histogram, data.length, 0.9);
  const ink = percentile(histogram, data.length, 0.01);
  const contrast = Math.max(paper - ink, MIN_CONTRAST);
  const window = inkWindow(cell, paper, contrast);
  const scale = Math.min(INPUT_WIDTH / window.width, INPUT_HEIGHT / window.height);
  const fitWidth = Math.max(1, Math.min(INPUT_WIDTH, Math.round(window.width * scale)));
  const fitHeight = Math.max(1, Math.min(INPUT_HEIGHT, Math.round(window.height * scale)));
  const left = (INPUT_WIDTH - fitWidth) >> 1;
  const top = (INPUT_HEIGHT - fitHeight) >> 1;
  const columns = areaWeights(window.width, fitWidth);
  const rows = areaWeights(window.height, fitHeight);
  out.fill(0);
  for (let y = 0; y < fitHeight; y++) {
    const row = rows[y] as { start: number; weights: number[] };
    for (let x = 0; x < fitWidth; x++) {
      const column = columns[x] as { start: number; weights: number[] };
      let sum = 0;
      for (let j = 0; j < row.weights.length; j++) {
        const offset = (window.y + row.start + j) * width + window.x + column.start;
        let rowSum = 0;
        for (let i = 0; i < column.weights.length; i++) {
          rowSum += (data[offset + i] as number) * (column.weights[i] as number);
        }
        sum += rowSum * (row.weights[j] as number);
      }
      out[(top + y) * INPUT_WIDTH + left + x] = Math.min(1, Math.max(0, (paper - sum) / contrast));
    }
  }
  return out;
}
