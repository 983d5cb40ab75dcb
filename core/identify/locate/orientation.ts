// Which way up a page was fed. The page box is printed along the bottom edge of every page: a page fed
// upside down shows it along the top edge, turned half round. Works on any page of the exam paper, with or
// without a header, written on or blank.
import type { RenderedPage } from '../../pdf/render-page';
import { PAGE_BOX_BAND, crop } from '../crop';
import { newPageBoxMemory, searchPageBoxBand, type PageBoxMemory } from './locate-page-box';
import { greyOf, type Pixels } from './grey-image';
import { rotateGrey180 } from './rotate';

/** Where the page box of a page fed upside down shows: along the top edge. */
export const TURNED_PAGE_BOX_BAND = {
  ...PAGE_BOX_BAND,
  x: 1 - PAGE_BOX_BAND.x - PAGE_BOX_BAND.width,
  y: 1 - PAGE_BOX_BAND.y - PAGE_BOX_BAND.height,
};

/**
 * True when the A4 page (rendered as displayed at `dpi`) is upside down, false when it is upright, null
 * when its edges do not tell (a page box along neither, or along both: not the exam paper).
 */
export function detectUpsideDown(
  page: RenderedPage,
  dpi: number,
  memory: PageBoxMemory = newPageBoxMemory(),
): boolean | null {
  return upsideDownFromBands(crop(page, PAGE_BOX_BAND), crop(page, TURNED_PAGE_BOX_BAND), dpi, memory);
}

/** As detectUpsideDown, given only the page's PAGE_BOX_BAND and TURNED_PAGE_BOX_BAND, as displayed. */
export function upsideDownFromBands(
  bottom: Pixels,
  top: Pixels,
  dpi: number,
  memory: PageBoxMemory = newPageBoxMemory(),
): boolean | null {
  const upright = 'found' in searchPageBoxBand(bottom, dpi, memory);
  // Found upright, it was found where the memory says: the other way up, only there can one hide.
  const turned = 'found' in searchPageBoxBand(rotateGrey180(greyOf(top)), dpi, memory, upright);
  return upright === turned ? null : turned;
}
