// Printed rules (frames, box combs, a table's lines) are the same on every sheet of the template, so they
// say nothing about whose sheet it is: they are taken out of the ink mask before it is fingerprinted.
// Handwriting has no straight stroke as long as a rule: a long horizontal or vertical run of dark blocks
// is a rule.
import type { Mask } from './grey-image';

/** A straight dark run this long (mm) is a printed rule (frame, box, table), never a pen stroke. */
export const RULE_MM = 8;

/**
 * The mask without its horizontal and vertical runs of at least `minRun` dark pixels. Both directions are
 * found on the original mask, so a rule crossing another is erased whole.
 */
export function eraseRules(mask: Mask, minRun: number): Mask {
  const { width, height, data } = mask;
  const rule = new Uint8Array(data.length);
  markRuns(data, rule, width, height, 1, width, minRun);
  markRuns(data, rule, height, width, width, 1, minRun);
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (data[i] as number) & ((rule[i] as number) ^ 1);
  return { width, height, data: out };
}

/**
 * Sets `rule` on the runs of at least `min` dark pixels along lines of `length` pixels (`step` apart within
 * a line, lines `stride` apart): rows when step = 1, columns when step = width.
 */
function markRuns(
  data: Uint8Array,
  rule: Uint8Array,
  length: number,
  lines: number,
  step: number,
  stride: number,
  min: number,
): void {
  for (let line = 0; line < lines; line++) {
    const start = line * stride;
    let run = 0;
    for (let k = 0; k <= length; k++) {
      if (k < length && data[start + k * step] !== 0) {
        run++;
        continue;
      }
      if (run >= min) for (let j = k - run; j < k; j++) rule[start + j * step] = 1;
      run = 0;
    }
  }
}
