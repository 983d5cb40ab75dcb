// The "Page n / N" box printed along the bottom edge of every page: two alike groups of digit boxes side
// by side with a printed slash between them — one box per number ("Page [3] / [8]", two digits in one box)
// or two digit cells per number ("Page [0][3] / [0][8]"), framed or not, anywhere along the bottom edge.
// Found as that pair of groups, alone on its row (the date's 2 / 2 / 4 groups are not a page box).
import { cropGrey, pixelRect } from '../crop';
import type { CellImage, FinderMiss } from '../types';
import { findBoxedRegion, locatedCells, type LocatedCell } from './boxed-region';
import type { Box, Comb, CombShape } from './combs';
import { splitGlyphs } from './glyphs';
import { greyOf, type Pixels } from './grey-image';

export interface PageBoxCell extends LocatedCell {
  /** The number's digit boxes, left to right (one or two). */
  cells: LocatedCell[];
  /** One strip per digit written, over all its boxes (none when they are empty). */
  glyphs: CellImage[];
}

export interface LocatedPageBox {
  number: PageBoxCell;
  total: PageBoxCell;
  /** Measured clockwise tilt, degrees. */
  skewDegrees: number;
}

export type PageBoxSearch = { found: LocatedPageBox } | { missing: FinderMiss };

/** Page boxes are printed 5–8 mm wide and 6–9 mm tall, at 90–105 %. */
const PAGE_BOX_CELLS: Omit<CombShape, 'scale'> = { minRuleMm: 3.5, heightMm: [5, 11], aspect: [0.5, 1.35] };
/** A number has one box or two digit cells. */
const MAX_CELLS = 2;
/** The two groups: sizes within this fraction of each other, tops within this fraction of their height. */
const SAME_SIZE = 0.15;
/** Space between the two groups (where the slash is printed), in box widths. */
const GAP_WIDTHS: [number, number] = [0.3, 2.5];
/** Another group of boxes this close on the same row (in box widths) makes the pair part of something else. */
const ALONE_WIDTHS = 3;

/**
 * Finds the page box in a rendering of the bottom band of a page as displayed (`dpi`: its resolution).
 * Null when there is none: not the exam paper, or the band holds something else.
 */
export function locatePageBox(image: Pixels, dpi: number): LocatedPageBox | null {
  const search = searchPageBox(image, dpi);
  return 'found' in search ? search.found : null;
}

/**
 * Where a page box was last found on one side, as fractions of the band's width. One side is printed one
 * way, so the next page box is looked for there first. Kept per side, never across sides: a side must read
 * the same whichever worker reads it and whatever it read before (a module-wide memory made pooled and
 * one-by-one readings differ).
 */
export interface PageBoxMemory {
  spot: { x0: number; x1: number } | null;
  /**
   * The searches made on the side, by band (the image passed) and window: a verso's bottom bands are
   * searched to tell which way up it was fed, then again to read them.
   */
  searched: Map<Pixels, Map<string, PageBoxSearch>>;
}

export const newPageBoxMemory = (): PageBoxMemory => ({ spot: null, searched: new Map() });

/** searchPageBox's result for `key` of `band`, searched once a side (it depends on the pixels alone). */
function remembered(memory: PageBoxMemory, band: Pixels, key: string, search: () => PageBoxSearch) {
  let byKey = memory.searched.get(band);
  if (!byKey) memory.searched.set(band, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = search()));
  return result;
}

/** The window around the last spot searched first, in fractions of the band's width on either side. */
const SPOT_MARGIN = 0.1;

/**
 * As searchPageBox, on a band along the page's bottom edge (the page's full width): first where `memory`
 * last found one (a band is ~7 times the work of a window around it), then along the whole band unless
 * `nearLastOnly`.
 */
export function searchPageBoxBand(
  image: Pixels,
  dpi: number,
  memory: PageBoxMemory,
  nearLastOnly = false,
): PageBoxSearch {
  // Grey once, not once per window searched.
  const band = greyOf(image);
  const last = memory.spot;
  if (last && band.width > 0) {
    const x0 = Math.max(0, last.x0 - SPOT_MARGIN);
    const x1 = Math.min(1, last.x1 + SPOT_MARGIN);
    const near = remembered(memory, image, `${dpi} ${x0} ${x1}`, () =>
      searchPageBox(
        cropGrey(band, pixelRect(band.width, band.height, { x: x0, y: 0, width: x1 - x0, height: 1 })),
        dpi,
      ),
    );
    if ('found' in near) return { found: shifted(near.found, Math.round(x0 * band.width)) };
    if (nearLastOnly) return near;
  }
  const search = remembered(memory, image, `${dpi}`, () => searchPageBox(band, dpi));
  if ('found' in search && band.width > 0) {
    const { number, total } = search.found;
    memory.spot = { x0: number.box.x / band.width, x1: (total.box.x + total.box.width) / band.width };
  }
  return search;
}

function shifted(found: LocatedPageBox, dx: number): LocatedPageBox {
  const move = (cell: LocatedCell): LocatedCell => ({ ...cell, box: { ...cell.box, x: cell.box.x + dx } });
  const moveField = (field: PageBoxCell): PageBoxCell => ({
    ...field,
    box: move(field).box,
    cells: field.cells.map(move),
  });
  return { ...found, number: moveField(found.number), total: moveField(found.total) };
}

/** As locatePageBox, saying why when there is none. */
export function searchPageBox(image: Pixels, dpi: number): PageBoxSearch {
  const region = findBoxedRegion(image, dpi, PAGE_BOX_CELLS);
  if (region.combs.length === 0) return { missing: { field: 'pageBox', code: 'no-boxes', params: {} } };
  // A digit's upright can pass for one more rule inside a group: three boxes may be two.
  const groups = region.combs.filter((comb) => comb.boxes.length <= MAX_CELLS + 1);
  let best: [Comb, Comb] | null = null;
  for (const a of groups) {
    for (const b of groups) {
      if (!isPair(a, b) || !alone(a, b, region.combs)) continue;
      // Of several candidates, the one furthest down and right.
      if (!best || corner(b) > corner(best[1])) best = [a, b];
    }
  }
  if (!best) {
    const boxes = region.combs.reduce((sum, comb) => sum + comb.boxes.length, 0);
    return { missing: { field: 'pageBox', code: 'no-pair', params: { boxes } } };
  }
  const cells = cellCount(best[0], best[1]);
  return {
    found: {
      number: pageBoxCell(locatedCells(region, [evenly(best[0], cells)])),
      total: pageBoxCell(locatedCells(region, [evenly(best[1], cells)])),
      skewDegrees: region.skewDegrees,
    },
  };
}

function pageBoxCell(cells: LocatedCell[]): PageBoxCell {
  const first = cells[0] as LocatedCell;
  const last = cells[cells.length - 1] as LocatedCell;
  return {
    image: cells.length === 1 ? first.image : sideBySide(cells.map((cell) => cell.image)),
    box: { ...first.box, width: last.box.x + last.box.width - first.box.x },
    cells,
    glyphs: cells.flatMap((cell) => splitGlyphs(cell.image)),
  };
}

/** Cell images next to each other, as one image (paper where one is shorter than another). */
function sideBySide(images: readonly CellImage[]): CellImage {
  const width = images.reduce((sum, image) => sum + image.width, 0);
  const height = Math.max(...images.map((image) => image.height));
  const data = new Uint8Array(width * height).fill(255);
  let x0 = 0;
  for (const image of images) {
    for (let y = 0; y < image.height; y++) {
      data.set(image.data.subarray(y * image.width, (y + 1) * image.width), y * width + x0);
    }
    x0 += image.width;
  }
  return { width, height, data };
}

function corner(comb: Comb): number {
  const box = last(comb);
  return box.right + box.bottom;
}

function first(comb: Comb): Box {
  return comb.boxes[0] as Box;
}

function last(comb: Comb): Box {
  return comb.boxes[comb.boxes.length - 1] as Box;
}

/** The comb's span cut into `count` equal boxes. */
function evenly(comb: Comb, count: number): Comb {
  if (comb.boxes.length === count) return comb;
  const { left, top, bottom } = first(comb);
  const step = (last(comb).right - left) / count;
  const boxes = Array.from({ length: count }, (_, k) => ({
    left: left + k * step,
    right: left + (k + 1) * step,
    top,
    bottom,
  }));
  return { ...comb, boxes };
}

const span = (comb: Comb) => last(comb).right - first(comb).left;

/**
 * How many boxes each number of the pair has. A digit's upright can pass for a rule inside a box; it cannot
 * hide one: the fewer boxes found are right, and at most two. But two uprights can split a one-box number in
 * two: then the count whose boxes have a page box's shape wins.
 */
function cellCount(a: Comb, b: Comb): number {
  const counted = Math.min(a.boxes.length, b.boxes.length, MAX_CELLS);
  const height = first(a).bottom - first(a).top;
  const shaped = (count: number) => {
    const aspect = span(a) / count / height;
    return aspect >= PAGE_BOX_CELLS.aspect[0] && aspect <= PAGE_BOX_CELLS.aspect[1];
  };
  if (shaped(counted)) return counted;
  const other = counted === 1 ? 2 : 1;
  return shaped(other) ? other : counted;
}

/** Two groups of the same outer size side by side, a slash's gap between them (in box widths). */
function isPair(a: Comb, b: Comb): boolean {
  const [p, q] = [first(a), first(b)];
  const width = span(a);
  const height = p.bottom - p.top;
  const cells = cellCount(a, b);
  const gap = q.left - last(a).right;
  return (
    Math.abs(span(b) - width) <= SAME_SIZE * width &&
    Math.abs(q.bottom - q.top - height) <= SAME_SIZE * height &&
    Math.abs(q.top - p.top) <= SAME_SIZE * height &&
    gap >= (GAP_WIDTHS[0] * width) / cells &&
    gap <= (GAP_WIDTHS[1] * width) / cells
  );
}

function alone(a: Comb, b: Comb, combs: readonly Comb[]): boolean {
  const p = first(a);
  const width = p.right - p.left;
  const height = p.bottom - p.top;
  return combs.every((other) => {
    if (other === a || other === b) return true;
    const o = first(other);
    if (Math.abs((o.top + o.bottom) / 2 - (p.top + p.bottom) / 2) > height / 2) return true;
    return last(other).right < p.left - ALONE_WIDTHS * width || o.left > last(b).right + ALONE_WIDTHS * width;
  });
}
