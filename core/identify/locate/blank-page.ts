// Is a page blank? Judged on a small rendering of the whole page at 40–50 dpi (at 30 dpi a fine pen's
// strokes blur lighter than the ink threshold and a short page can pass for blank): writing covers
// far more of a page than the little of the printed paper that is as dark. What is not counted: the
// bottom margin (the page box, whose digits the student fills even on a blank page, and any marks a
// scanner or a test adds there), and long straight rules (frames, boxes, tables). The hatched band of a
// verso is too light to count; its printed words stay well under the threshold.
import type { RenderedPage } from '../../pdf/render-page';
import { measureLevels, toGrey } from './grey-image';

/** Ink is darker than this fraction of the paper's grey (printed grey rules and hatching are lighter). */
const INK = 0.55;
/** The bottom margin left out, as a fraction of the page's height (the page box sits at 94–98 %). */
const BOTTOM_MARGIN = 0.1;
/** A straight dark run this long (mm) is a printed rule, not writing. */
const RULE_MM = 8;
/**
 * Below this fraction of the page covered by ink, it is blank. Measured on generated pages at 40–50 dpi:
 * blank pages (with a hatched band) reach 0.15 %, pages with the fewest lines of writing 0.7 %.
 */
const BLANK_BELOW = 0.003;

/**
 * True when the page (rendered upright, as displayed, at `dpi`) shows nothing but the printed paper. On a
 * P1 the printed header counts as content: ask about P2–P4 and loose pages.
 */
export function isBlankPage(image: RenderedPage, dpi: number): boolean {
  if (!(dpi > 0)) throw new RangeError(`dpi must be positive, got ${dpi}`);
  const grey = toGrey(image);
  const { width } = grey;
  const height = Math.floor(grey.height * (1 - BOTTOM_MARGIN));
  const darkBelow = measureLevels(grey).paper * INK;
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = (grey.data[i] as number) < darkBelow ? 1 : 0;
  const rule = Math.round((RULE_MM * dpi) / 25.4);
  markRuns(ink, width, height, 1, width, rule);
  markRuns(ink, height, width, width, 1, rule);
  let count = 0;
  for (const value of ink) if (value === 1) count++;
  return count < BLANK_BELOW * width * height;
}

/**
 * Marks (2) the runs of at least `min` dark cells along lines of `length` cells (`step` apart within a
 * line, lines `stride` apart): rows when step = 1, columns when step = width. Marked cells stay dark for
 * the other direction's pass, so a rule crossing another is not cut in two.
 */
function markRuns(ink: Uint8Array, length: number, lines: number, step: number, stride: number, min: number) {
  for (let line = 0; line < lines; line++) {
    const start = line * stride;
    let run = 0;
    for (let k = 0; k <= length; k++) {
      if (k < length && ink[start + k * step] !== 0) {
        run++;
        continue;
      }
      if (run >= min) for (let j = k - run; j < k; j++) ink[start + j * step] = 2;
      run = 0;
    }
  }
}
