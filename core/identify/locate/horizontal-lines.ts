// Printed horizontal rules (box edges, frames) as long runs of dark pixels. Handwriting and printed text
// rarely make a run several millimetres long, and ink crossing a rule only makes it darker, never shorter.
import type { Mask } from './grey-image';
import { maskWords, nextDark } from './skip-paper';

/** A rule of a deskewed image: horizontal to within a pixel along its length. */
export interface HorizontalLine {
  /** Centre row. */
  y: number;
  x0: number;
  x1: number;
  /** Stroke thickness, pixels. */
  thickness: number;
}

/**
 * A rule's rows are nearly solid; the faint fringe row of a rule bridged by gaps to the ink touching it is
 * not, and would drag the rule towards the ink.
 */
const MIN_DENSITY = 0.75;

/** Runs this long (a fraction of the line's longest) are the rule itself. */
const FULL_RUN = 0.9;
/** Rows of full-length runs this close (in rows) are one rule; further apart, two. */
const BAND_GAP = 2;

interface Run {
  y: number;
  x0: number;
  x1: number;
  dark: number;
}

/**
 * Lines at least `minLength` pixels long; gaps up to `maxGap` pixels (a faint stretch of a thin rule in a
 * bilevel scan) do not break them. Rows of one line (it is a few pixels thick, and may drift a row or two
 * along its length) are gathered into one.
 */
export function findHorizontalLines(
  { width, height, data: mask }: Mask,
  minLength: number,
  maxGap: number,
): HorizontalLine[] {
  const runs: Run[] = [];
  const rowStart: number[] = [];
  const words = maskWords(mask);
  for (let y = 0; y < height; y++) {
    rowStart.push(runs.length);
    collectRuns(mask, words, width, y, minLength, maxGap, runs);
  }
  rowStart.push(runs.length);
  const parent = runs.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let y = 1; y < height; y++) {
    for (let a = rowStart[y] as number; a < (rowStart[y + 1] as number); a++) {
      for (let b = rowStart[y - 1] as number; b < (rowStart[y] as number); b++) {
        const ra = runs[a] as Run;
        const rb = runs[b] as Run;
        if (ra.x0 <= rb.x1 && rb.x0 <= ra.x1) parent[root(a)] = root(b);
      }
    }
  }
  const groups = new Map<number, Run[]>();
  runs.forEach((run, i) => {
    const key = root(i);
    const group = groups.get(key);
    if (group) group.push(run);
    else groups.set(key, [run]);
  });
  return [...groups.values()].flatMap(linesOf);
}

function collectRuns(
  mask: Uint8Array,
  words: Uint32Array | null,
  width: number,
  y: number,
  minLength: number,
  maxGap: number,
  runs: Run[],
): void {
  const row = y * width;
  let start = -1;
  let last = -1;
  let dark = 0;
  const close = () => {
    const length = last - start + 1;
    if (start >= 0 && length >= minLength && dark >= MIN_DENSITY * length)
      runs.push({ y, x0: start, x1: last, dark });
  };
  const end = row + width;
  for (let i = nextDark(mask, words, row, end); i < end; i = nextDark(mask, words, i + 1, end)) {
    const x = i - row;
    if (start < 0 || x - last - 1 > maxGap) {
      close();
      start = x;
      dark = 0;
    }
    last = x;
    dark++;
  }
  close();
}

/**
 * The lines of one group of touching runs. Usually one; but a row of boxes filled with letters that touch
 * both its rules joins the two rules into one group through the letters' strokes, and the rules are then
 * the bands of full-length runs apart from each other: one line each.
 */
function linesOf(runs: Run[]): HorizontalLine[] {
  const longest = Math.max(...runs.map((run) => run.x1 - run.x0 + 1));
  const full = runs.filter((run) => run.x1 - run.x0 + 1 >= FULL_RUN * longest).sort((a, b) => a.y - b.y);
  const bands: Run[][] = [];
  for (const run of full) {
    const band = bands[bands.length - 1];
    const previous = band?.[band.length - 1];
    if (band && previous && run.y - previous.y <= BAND_GAP) band.push(run);
    else bands.push([run]);
  }
  if (bands.length === 1) return [lineOf(runs, full)];
  return bands.map((band) => {
    const y0 = (band[0] as Run).y - BAND_GAP;
    const y1 = (band[band.length - 1] as Run).y + BAND_GAP;
    return lineOf(
      runs.filter((run) => run.y >= y0 && run.y <= y1),
      band,
    );
  });
}

/**
 * Centre and thickness of one line from its full-length runs, each weighed by its dark pixels; its extent
 * from all its runs. Only the runs nearly as long as the longest count: ink pressed along a rule adds
 * shorter runs beside it.
 */
function lineOf(runs: readonly Run[], full: readonly Run[]): HorizontalLine {
  let weight = 0;
  let sumY = 0;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const run of runs) {
    x0 = Math.min(x0, run.x0);
    x1 = Math.max(x1, run.x1);
  }
  for (const run of full) {
    weight += run.dark;
    sumY += run.dark * run.y;
  }
  return { y: sumY / weight, x0, x1, thickness: weight / (x1 - x0 + 1) };
}
