// Are two scanned sides the same paper? Their fingerprints are laid over each other, `b` moved (and
// turned half a turn, for paper fed the other way up) until its ink best covers `a`'s, coarse to fine;
// the share of ink they then have in common decides.
import { inkedCellCount } from './inked-cells';
import { downsample, inkArea, overlap, smoothedPages, turned, type Grid } from './ink-grid';
import type { SideFingerprint } from './side-fingerprint';

export type SideVerdict = 'same' | 'different' | 'too-little-ink';

export interface SideComparison {
  verdict: SideVerdict;
  /**
   * Σ min / Σ max of the two smoothed ink grids once aligned, 0..1. When a quick stage rules the pair out
   * before the full search, what that stage stopped at instead: the ratio of the two sides' ink amounts
   * (a bound on the similarity), or the 2 mm stage's threshold the pair fell short of.
   */
  similarity: number;
  /** How far `b` must move (mm, right and down) to lie over `a`. */
  shiftMm: [number, number];
  /** `b` lay the other way up. */
  turned: boolean;
}

/**
 * Measured with bench/rescans.bench.ts (6 students, 2–3 sheets each, 4 rescanned sheets; every shape,
 * scanned at 150 and 200 dpi): a rescanned side scores 0.57–0.67 at worst, a side of other paper 0.27–0.40
 * at best, the highest being two rectos of one student's sheets, in one hand, at one line pitch. Drawn
 * sheets rescanned at the feeder's ±3° and 6 mm apart score 0.65–0.70. The threshold sits a little nearer
 * the rescans: calling two sheets one pulls a real sheet out of a copy, worse than missing a rescan.
 */
export const SAME_ABOVE = 0.5;
/**
 * Below this much ink (mm², both pages of a side, outside the printed bands the fingerprint leaves out), a
 * side holds a few words at most: a bare sheet measures ~0, a line of four words 100–150 mm², a full page
 * 1500 or more. So little writing, where every student starts writing, can coincide between two students'
 * sheets as much as a rescan with itself (three lines of the same words in the same place: 0.49), so both
 * sides that bare cannot tell.
 */
const TOO_LITTLE_INK_MM2 = 400;
/**
 * Writing leaves most 1 mm cells of a page bare, even a page written full (lines of 3 mm letters at a 6–9
 * mm pitch). "Ink" in nearly every cell is a texture (a noisy or grey background crossing the ink level),
 * the same on any two scans: it cannot tell two sheets apart.
 */
const TEXTURE_COVERAGE = 0.8;

/** Share of the fingerprint's cells holding any ink. */
function coverageOf(print: SideFingerprint): number {
  const inked = print.pages.reduce((sum, cells) => sum + inkedCellCount(cells), 0);
  return inked / Math.max(1, print.columns * print.rows * print.pages.length);
}
/**
 * How far apart two scans of one paper may lie: each a few millimetres off on the glass. No further: a
 * longer slide lays one page's lines of writing over another's (a student's line pitch is 6–9 mm), which
 * is how two sheets in one hand come nearest to passing for one.
 */
const SEARCH_MM = 8;
/**
 * A pair that aligns worse than this at the 2 mm stage is not searched at 1 mm. Coarser cells overlap
 * more, but their shifts are coarser too (a rescan 1 mm off the 2 mm grid loses some): the margin under
 * SAME_ABOVE covers that.
 */
const COARSE_REJECT = 0.4;

const LEVELS = 4;
const TOP = LEVELS - 1;

/**
 * What a side keeps between comparisons: its ink, its grids upright at every level, and turned at the
 * coarsest only, which every comparison tries both ways. A side is compared with every other side of the
 * batch, so what it keeps is held for all of them at once (kept whole, both ways, a 400-side batch held
 * ~1 MB a side). Only the later side of a pair is tried turned below the coarsest level, and the later side
 * stays the same while it is compared with every earlier one: its turned grids are kept for the last few
 * sides only.
 */
interface Kept {
  ink: number;
  coverage: number;
  upright: Grid[][];
  turnedTop: Grid[];
}

/** Sides whose turned grids are kept, most recently used last: a sheet's two sides, with room to spare. */
const RECENT_TURNED = 4;
const recentTurned = new Map<SideFingerprint, Grid[][]>();

const kept = new WeakMap<SideFingerprint, Kept>();

export function compareSides(a: SideFingerprint, b: SideFingerprint): SideComparison {
  if (!comparable(a, b)) return { verdict: 'different', similarity: 0, shiftMm: [0, 0], turned: false };
  const [inkA, inkB] = [keptOf(a).ink, keptOf(b).ink];
  if (inkA < TOO_LITTLE_INK_MM2 && inkB < TOO_LITTLE_INK_MM2) {
    return { verdict: 'too-little-ink', similarity: 0, shiftMm: [0, 0], turned: false };
  }
  if (keptOf(a).coverage > TEXTURE_COVERAGE || keptOf(b).coverage > TEXTURE_COVERAGE) {
    return { verdict: 'too-little-ink', similarity: 0, shiftMm: [0, 0], turned: false };
  }
  const unmoved = { shiftMm: [0, 0] as [number, number], turned: false };
  // Σ min ≤ the smaller total and Σ max ≥ the larger, whatever the alignment.
  const bound = Math.min(inkA, inkB) / Math.max(inkA, inkB);
  if (bound <= SAME_ABOVE) return { verdict: 'different', similarity: bound, ...unmoved };

  const aligned = alignSides(a, b, COARSE_REJECT);
  if (!aligned) return { verdict: 'different', similarity: COARSE_REJECT, ...unmoved };
  return { verdict: aligned.similarity > SAME_ABOVE ? 'same' : 'different', ...aligned };
}

/**
 * Grids of one cell size and page count, and of sizes close enough for the search to cover the difference
 * (two scanners may crop the same A3 paper a few millimetres apart).
 */
function comparable(a: SideFingerprint, b: SideFingerprint): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) * a.cellMm <= SEARCH_MM;
  return (
    a.cellMm === b.cellMm &&
    a.pages.length === b.pages.length &&
    near(a.columns, b.columns) &&
    near(a.rows, b.rows)
  );
}

/**
 * The best alignment of `b` over `a` and the similarity it reaches, searched coarse to fine over shifts of
 * up to SEARCH_MM, upright and turned; null when it scores under `giveUpBelow` at the 2 mm stage.
 */
export function alignSides(
  a: SideFingerprint,
  b: SideFingerprint,
  giveUpBelow = 0,
): Omit<SideComparison, 'verdict'> | null {
  const [ga, gb] = [gridsOf(a), gridsOf(b)];
  const limit = (level: number) => SEARCH_MM / (a.cellMm * 2 ** level);
  const reach = Math.ceil(limit(TOP));
  const [upright, half] = (['upright', 'turned'] as const).map((way) => ({
    way,
    ...bestShift(ga('upright', TOP), gb(way, TOP), { x: 0, y: 0, reach, step: 1 }),
  })) as [Candidate, Candidate];
  const pick = upright.score >= half.score ? upright : half;
  let at = { score: pick.score, dx: pick.dx, dy: pick.dy };
  for (let level = TOP - 1; level >= 0; level--) {
    const around = { x: at.dx * 2, y: at.dy * 2, reach: 1, step: 1, limit: limit(level) };
    at = bestShift(ga('upright', level), gb(pick.way, level), around);
    if (level === 1 && at.score < giveUpBelow) return null;
  }
  // Then to a quarter cell, one axis after the other.
  for (const only of ['x', 'y'] as const) {
    const around = { x: at.dx, y: at.dy, reach: 2, step: 0.25, limit: limit(0), only };
    at = bestShift(ga('upright', 0), gb(pick.way, 0), around);
  }
  return { similarity: at.score, shiftMm: [at.dx * a.cellMm, at.dy * a.cellMm], turned: pick === half };
}

type Way = 'upright' | 'turned';

interface Candidate {
  way: Way;
  score: number;
  dx: number;
  dy: number;
}

function keptOf(print: SideFingerprint): Kept {
  let found = kept.get(print);
  if (!found) {
    const fine = smoothedPages(print);
    const upright = pyramid(fine);
    found = {
      ink: fine.reduce((sum, g) => sum + inkArea(g, print.cellMm), 0),
      coverage: coverageOf(print),
      upright,
      turnedTop: pyramid(turnedPages(fine))[TOP]!,
    };
    kept.set(print, found);
  }
  return found;
}

/** A side's grids at a level, either way up. */
function gridsOf(print: SideFingerprint): (way: Way, level: number) => Grid[] {
  const { upright, turnedTop } = keptOf(print);
  return (way, level) => {
    if (way === 'upright') return upright[level]!;
    return level === TOP ? turnedTop : turnedLevels(print, upright[0]!)[level]!;
  };
}

function turnedLevels(print: SideFingerprint, fine: Grid[]): Grid[][] {
  const levels = recentTurned.get(print) ?? pyramid(turnedPages(fine));
  recentTurned.delete(print);
  recentTurned.set(print, levels);
  if (recentTurned.size > RECENT_TURNED) recentTurned.delete(recentTurned.keys().next().value!);
  return levels;
}

/** The pages of a side turned half a turn: each page turned, and their order reversed. */
const turnedPages = (pages: Grid[]): Grid[] => pages.map(turned).reverse();

/** Per level, finest (the fingerprint's cells) first, each twice as coarse as the last. */
function pyramid(fine: Grid[]): Grid[][] {
  const levels = [fine];
  while (levels.length < LEVELS) levels.push((levels.at(-1) as Grid[]).map((g) => downsample(g, 2)));
  return levels;
}

interface Search {
  /** Centre of the search, cells. */
  x: number;
  y: number;
  /** Steps tried either side of the centre, and their size in cells. */
  reach: number;
  step: number;
  /** No shift beyond this many cells along either axis. */
  limit?: number;
  /** Search along one axis only. */
  only?: 'x' | 'y';
}

/** The best shift of `b` over `a` among those `search` tries. */
function bestShift(a: Grid[], b: Grid[], search: Search): { score: number; dx: number; dy: number } {
  const { x, y, reach, step, limit = Infinity, only } = search;
  let best = { score: -1, dx: x, dy: y };
  const span = (axis: 'x' | 'y') => (only && only !== axis ? 0 : reach);
  for (let j = -span('y'); j <= span('y'); j++) {
    for (let i = -span('x'); i <= span('x'); i++) {
      const dx = x + i * step;
      const dy = y + j * step;
      if (Math.abs(dx) > limit || Math.abs(dy) > limit) continue;
      let common = 0;
      let either = 0;
      a.forEach((grid, page) => {
        const o = overlap(grid, b[page] as Grid, dx, dy);
        common += o.common;
        either += o.either;
      });
      const score = either > 0 ? common / either : 0;
      if (score > best.score) best = { score, dx, dy };
    }
  }
  return best;
}
