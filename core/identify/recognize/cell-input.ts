// The classifier's view of a cell: whatever its size, resolution and scanner, the crop is resampled to a
// fixed grid and its tones stretched so that paper is 0 and full ink is 1. Training and reading both go
// through this one function, so they cannot disagree on what the network sees.
import type { CellImage } from '../types';

export const INPUT_WIDTH = 24;
export const INPUT_HEIGHT = 32;

/**
 * The least paper-to-ink difference stretched to full scale: a blank cell's sensor noise or a faint smudge
 * must stay faint, not be blown up into strokes.
 */
const MIN_CONTRAST = 96;

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
  for (const value of data) histogram[value] = (histogram[value] as number) + 1;
  const paper = percentile(histogram, data.length, 0.9);
  const ink = percentile(histogram, data.length, 0.01);
  const contrast = Math.max(paper - ink, MIN_CONTRAST);
  const columns = areaWeights(width, INPUT_WIDTH);
  const rows = areaWeights(height, INPUT_HEIGHT);
  for (let y = 0; y < INPUT_HEIGHT; y++) {
    const row = rows[y] as { start: number; weights: number[] };
    for (let x = 0; x < INPUT_WIDTH; x++) {
      const column = columns[x] as { start: number; weights: number[] };
      let sum = 0;
      for (let j = 0; j < row.weights.length; j++) {
        const offset = (row.start + j) * width + column.start;
        let rowSum = 0;
        for (let i = 0; i < column.weights.length; i++)
          rowSum += (data[offset + i] as number) * (column.weights[i] as number);
        sum += rowSum * (row.weights[j] as number);
      }
      out[y * INPUT_WIDTH + x] = Math.min(1, Math.max(0, (paper - sum) / contrast));
    }
  }
  return out;
}
