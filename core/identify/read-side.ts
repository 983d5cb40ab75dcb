// Reading one A3 side on its own, before it is paired: what it is (a recto carries the header, a verso only
// page boxes), which way up it was fed, the page boxes and blankness of its two pages in reading order.
import { LEFT_HALF, PAGE_BOX_BAND, RIGHT_HALF, pixelRect } from './crop';
import { fingerprintSide, type SideFingerprint } from './fingerprint/side-fingerprint';
import { isBlankPage } from './locate/blank-page';
import type { GreyImage, Pixels } from './locate/grey-image';
import type { LocatedHeader } from './locate/locate-header';
import { TURNED_PAGE_BOX_BAND, upsideDownFromBands } from './locate/orientation';
import { newPageBoxMemory, type PageBoxMemory } from './locate/locate-page-box';
import { pageView, withSideImage, type PageView, type SideImage } from './page-view';
import { closerMiss, readHeader, readPageBox, searchSideHeader } from './read-boxes';
import { readingHalves, type SideHalf } from './reading-halves';
import type { Recognizer } from './recognize/recognizer';
import type { FinderMiss, PageBoxReading, SideReading } from './types';

/** isBlankPage is calibrated on whole pages at 40–50 dpi. */
const BLANK_DPI = 50;

export const NEITHER_HEADER_NOR_PAGE_BOX = 'neither an exam header nor a page box found on this A3 side';

/** The side's two pages, upright, in reading order. */
function pagesOf(side: SideImage, role: 'recto' | 'verso', upsideDown: boolean): [PageView, PageView] {
  const page = (half: SideHalf) => pageView(side, half === 'left' ? LEFT_HALF : RIGHT_HALF, upsideDown);
  const [first, second] = readingHalves(role, upsideDown);
  return [page(first), page(second)];
}

/**
 * What each half's page boxes tell, left half first: true fed upside down, false upright, null when they do
 * not tell (see upsideDownFromBands); and the halves' bottom bands searched, upright.
 */
function pageBoxWays(
  side: SideImage,
  dpi: number,
  memory: PageBoxMemory,
): { ways: (boolean | null)[]; bottoms: GreyImage[] } {
  const bottoms: GreyImage[] = [];
  const ways = [LEFT_HALF, RIGHT_HALF].map((half) => {
    // Only the two bands are cut from the half, not the half first.
    const page = pageView(side, half, false);
    const bottom = page.greyRegion(PAGE_BOX_BAND);
    bottoms.push(bottom);
    return upsideDownFromBands(bottom, page.greyRegion(TURNED_PAGE_BOX_BAND), dpi, memory);
  });
  return { ways, bottoms };
}

/** Both halves tell the same way up, or one tells and the other is silent; else null. */
function agreedWay(ways: readonly (boolean | null)[]): boolean | null {
  const told = ways.flatMap((way) => (way === null ? [] : [way]));
  return told.length > 0 && told.every((turned) => turned === told[0]) ? told[0]! : null;
}

function isBlank(page: PageView, dpi: number): boolean {
  const factor = Math.max(1, Math.round(dpi / BLANK_DPI));
  return isBlankPage(page.shrunk(factor), dpi / factor);
}

/**
 * The two pages' page boxes in reading order, and which were not found and why. `bands`: the pages'
 * PAGE_BOX_BANDs when already cut (then searched again only where `memory` has not searched them).
 */
async function readBoxes(
  pages: readonly PageView[],
  dpi: number,
  recognizer: Recognizer,
  memory: PageBoxMemory,
  bands: readonly GreyImage[] = pages.map((page) => page.greyRegion(PAGE_BOX_BAND)),
): Promise<{ pageBoxes: [PageBoxReading | null, PageBoxReading | null]; missing: FinderMiss[] }> {
  const results = [
    await readPageBox(bands[0]!, dpi, recognizer, memory),
    await readPageBox(bands[1]!, dpi, recognizer, memory),
  ];
  const missing = results.flatMap((result, page) =>
    'missing' in result ? [{ ...result.missing, page: page as 0 | 1 }] : [],
  );
  const reading = (i: number) => {
    const result = results[i]!;
    return 'reading' in result ? result.reading : null;
  };
  return { pageBoxes: [reading(0), reading(1)], missing };
}

async function rectoReading(
  side: SideImage,
  dpi: number,
  recognizer: Recognizer,
  header: LocatedHeader,
  upsideDown: boolean,
  fingerprint: SideFingerprint,
): Promise<SideReading> {
  const pages = pagesOf(side, 'recto', upsideDown);
  const boxes = await readBoxes(pages, dpi, recognizer, newPageBoxMemory());
  // P1 is the right half upright, the left one fed upside down (turned, it keeps its size).
  const p1 = pixelRect(side.grey.width, side.grey.height, upsideDown ? LEFT_HALF : RIGHT_HALF);
  const p1Size = { width: p1.x1 - p1.x0, height: p1.y1 - p1.y0 };
  return {
    role: 'recto',
    upsideDown,
    header: await readHeader(header, recognizer, p1Size),
    pageBoxes: boxes.pageBoxes,
    // P1's printed header would count as content, and a P1 is never left blank: only P4 is asked.
    blank: [false, isBlank(pages[1], dpi)],
    notes: [],
    ...(boxes.missing.length > 0 ? { missing: boxes.missing } : {}),
    fingerprint,
  };
}

/** `rendered` is the A3 side rendered as displayed at `dpi` (or its grey, for a grey scan). */
export function readSide(rendered: Pixels, dpi: number, recognizer: Recognizer): Promise<SideReading> {
  return withSideImage(rendered, (side) => readSideImage(side, dpi, recognizer));
}

async function readSideImage(side: SideImage, dpi: number, recognizer: Recognizer): Promise<SideReading> {
  const fingerprint = fingerprintSide(side.grey, dpi);
  const upright = searchSideHeader(side, dpi, false);
  if ('found' in upright) return rectoReading(side, dpi, recognizer, upright.found, false, fingerprint);
  const memory = newPageBoxMemory();
  const { ways, bottoms } = pageBoxWays(side, dpi, memory);
  // Page boxes along the bottom edge of both halves and along neither top: the sheet was fed upright, so a
  // recto's header would have shown where it was just looked for, not turned at the bottom of the left
  // half (that search is a fifth of a verso's reading).
  const fedUpright = ways.every((way) => way === false);
  let turned = fedUpright ? undefined : searchSideHeader(side, dpi, true);
  if (turned && 'found' in turned)
    return rectoReading(side, dpi, recognizer, turned.found, true, fingerprint);
  const upsideDown = agreedWay(ways);
  // Read as a verso, and upright when nothing tells: pairing may still make a recto of it (reading order
  // is then the other way round).
  const pages = pagesOf(side, 'verso', upsideDown ?? false);
  // Upright, a verso's pages are its left and right halves as displayed: their bands are those just searched.
  const bands = upsideDown ? undefined : bottoms;
  const { pageBoxes, missing } = await readBoxes(pages, dpi, recognizer, memory, bands);
  const verso = pageBoxes.some((box) => box !== null);
  let misses = missing;
  if (!verso) {
    // A verso has no header by design: its absence is news only on a side that is no verso either. Where
    // page boxes were found along both bottoms but none was then read, look the other way up after all.
    turned ??= searchSideHeader(side, dpi, true);
    if ('found' in turned) return rectoReading(side, dpi, recognizer, turned.found, true, fingerprint);
    misses = [...closerMiss(upright.missing, turned.missing), ...missing];
  }
  return {
    role: verso ? 'verso' : 'unknown',
    upsideDown,
    header: null,
    pageBoxes,
    blank: [isBlank(pages[0], dpi), isBlank(pages[1], dpi)],
    notes: verso ? [] : [NEITHER_HEADER_NOR_PAGE_BOX],
    ...(misses.length > 0 ? { missing: misses } : {}),
    fingerprint,
  };
}
