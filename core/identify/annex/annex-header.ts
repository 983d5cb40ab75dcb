// An A4 annex (graph paper, a map, a "document réponse") carries its own identification frame at the top:
// NOM, PRÉNOM and the date of birth in boxes, one character per box, like the exam's CCYC header but
// printed elsewhere with other box counts (CMEN-like forms vary). The exam header's box finder reads the
// frame from its printed rules, so the same finder serves here; what is the annex's own is where to look
// (the whole A4 page, upright or fed upside down) and that no frame means no annex.
import type { RenderedPage } from '../../pdf/render-page';
import { HEADER_BAND, crop, type Fraction } from '../crop';
import { locateHeader, type LocatedHeader } from '../locate/locate-header';
import { rotate180 } from '../locate/rotate';
import { readHeader } from '../read-boxes';
import type { Recognizer } from '../recognize/recognizer';
import type { HeaderReading } from '../types';

export interface LocatedAnnexHeader {
  header: LocatedHeader;
  /** The page was fed upside down: the frame was found at its bottom, turned 180°. */
  upsideDown: boolean;
}

export interface AnnexReading {
  header: HeaderReading;
  upsideDown: boolean;
}

/** Where the frame's top band lands on a page turned 180°, before turning it back. */
const BOTTOM_BAND: Fraction = { ...HEADER_BAND, y: 1 - HEADER_BAND.y - HEADER_BAND.height };

/**
 * Finds the identification frame on a whole A4 page rendered as displayed at `dpi`. Null when there is none
 * (a loose page: a form nobody filled in, a blank sheet, a page of another kind): that page is no annex.
 * Looking upside down costs one more search, on a band, only when the upright one found nothing.
 */
export function locateAnnexHeader(page: RenderedPage, dpi: number): LocatedAnnexHeader | null {
  const upright = locateHeader(crop(page, HEADER_BAND), dpi);
  if (upright) return { header: upright, upsideDown: false };
  const turned = locateHeader(rotate180(crop(page, BOTTOM_BAND)), dpi);
  return turned ? { header: turned, upsideDown: true } : null;
}

/**
 * The annex's header as read by the exam header's reader (every box with a probability for every
 * character), or null: no annex.
 */
export async function readAnnexHeader(
  page: RenderedPage,
  dpi: number,
  recognizer: Recognizer,
): Promise<AnnexReading | null> {
  const located = locateAnnexHeader(page, dpi);
  if (!located) return null;
  // Turned back, the bottom band is the top of the upright page, which keeps the page's size.
  const header = await readHeader(located.header, recognizer, { width: page.width, height: page.height });
  return { header, upsideDown: located.upsideDown };
}
