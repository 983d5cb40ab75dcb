// Which way up a page was fed. The page box is printed at the bottom right of every page: a page fed
// upside down shows it at the top left, turned half round. Works on any page of the exam paper, with or
// without a header, written on or blank.
import type { RenderedPage } from '../../pdf/render-page';
import { PAGE_BOX_CORNER, crop } from '../crop';
import { locatePageBox } from './locate-page-box';
import { rotate180 } from './rotate';

/** Where the page box of a page fed upside down shows: the top-left corner. */
const TURNED_PAGE_BOX_CORNER = {
  ...PAGE_BOX_CORNER,
  x: 1 - PAGE_BOX_CORNER.x - PAGE_BOX_CORNER.width,
  y: 1 - PAGE_BOX_CORNER.y - PAGE_BOX_CORNER.height,
};

/**
 * True when the A4 page (rendered as displayed at `dpi`) is upside down, false when it is upright, null
 * when its corners do not tell (a page box in neither, or in both: not the exam paper).
 */
export function detectUpsideDown(page: RenderedPage, dpi: number): boolean | null {
  const upright = locatePageBox(crop(page, PAGE_BOX_CORNER), dpi) !== null;
  const turned = locatePageBox(rotate180(crop(page, TURNED_PAGE_BOX_CORNER)), dpi) !== null;
  return upright === turned ? null : turned;
}
