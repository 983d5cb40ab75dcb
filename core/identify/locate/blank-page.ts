// Is a page blank? Judged on a small rendering of the whole page at 40–50 dpi (at 30 dpi a fine pen's
// strokes blur lighter than the ink threshold and a short page can pass for blank): writing covers
// far more of a page than the little of the printed paper that is as dark. What is not counted: the
// bottom margin (the page box, whose digits the student fills even on a blank page, and any marks a
// scanner or a test adds there), and long straight rules (frames, boxes, tables). The hatched band of a
// verso is too light to count; its printed words stay well under the threshold.
import { eraseRules, RULE_MM } from './erase-rules';
import { greyOf, INK, measureLevels, type Pixels } from './grey-image';

/** The bottom margin left out, as a fraction of the page's height (the page box sits at 94–98 %). */
const BOTTOM_MARGIN = 0.1;
/**
 * Below this fraction of the page covered by ink, it is blank. Measured on generated pages at 40–50 dpi:
 * blank pages (with a hatched band) reach 0.15 %, pages with the fewest lines of writing 0.7 %.
 */
const BLANK_BELOW = 0.003;

/**
 * True when the page (rendered upright, as displayed, at `dpi`, or its grey) shows nothing but the printed
 * paper. On a P1 the printed header counts as content: ask about P2–P4 and loose pages.
 */
export function isBlankPage(image: Pixels, dpi: number): boolean {
  if (!(dpi > 0)) throw new RangeError(`dpi must be positive, got ${dpi}`);
  const grey = greyOf(image);
  const { width } = grey;
  const height = Math.floor(grey.height * (1 - BOTTOM_MARGIN));
  const darkBelow = measureLevels(grey).paper * INK;
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = (grey.data[i] as number) < darkBelow ? 1 : 0;
  const writing = eraseRules({ width, height, data: ink }, Math.round((RULE_MM * dpi) / 25.4));
  // Indexed, not for…of: an unoptimised for…of makes an iterator result per pixel for the collector.
  let count = 0;
  for (let i = 0; i < writing.data.length; i++) count += writing.data[i] as number;
  return count < BLANK_BELOW * width * height;
}
