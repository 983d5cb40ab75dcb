// A sheet reading, as segmentation and matching know it, from the readings of the sides pairing put
// together: whatever order the scanner fed them in, and whichever side is missing.
import { readingHalves, type SideHalf } from './reading-halves';
import type { PageBoxReading, SheetReading, SideReading } from './types';

export const NO_HEADER_FOUND = 'no exam header found on P1 (neither upright nor upside down)';
export const RECTO_NOT_SCANNED = 'the recto of this sheet (P1 and its header) was not scanned';

/**
 * The side's page boxes in the reading order of `role`. A side is read as a verso when no header is found
 * on it; made a recto by pairing, its two pages swap (see reading-halves.ts).
 */
function pageBoxesAs(
  side: SideReading,
  role: 'recto' | 'verso',
): [PageBoxReading | null, PageBoxReading | null] {
  const readAs = side.role === 'recto' ? 'recto' : 'verso';
  return readAs === role ? side.pageBoxes : [side.pageBoxes[1], side.pageBoxes[0]];
}

/** Which displayed half of the side holds each of its two pages as the side was read. */
export function sideReadingHalves(side: SideReading): [SideHalf, SideHalf] {
  return readingHalves(side.role === 'recto' ? 'recto' : 'verso', side.upsideDown ?? false);
}

export function sheetFromSides(recto: SideReading | null, verso: SideReading | null): SheetReading {
  const front = recto ? pageBoxesAs(recto, 'recto') : [null, null];
  const back = verso ? pageBoxesAs(verso, 'verso') : [null, null];
  const header = recto?.header ?? null;
  // A recto side's own notes (not readable, over time) already say why its header is missing.
  const headerNote = header || recto?.notes.length ? [] : [recto ? NO_HEADER_FOUND : RECTO_NOT_SCANNED];
  return {
    header,
    pageBoxes: [front[0], back[0], back[1], front[1]],
    notes: [...headerNote, ...(recto?.notes ?? []), ...(verso?.notes ?? [])],
    // The header tells it best; a sheet's two sides went through the scanner the same way up.
    upsideDown: recto?.upsideDown ?? verso?.upsideDown ?? false,
  };
}
