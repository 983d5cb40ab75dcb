// Box finding on generated scans of every PDF shape at 150 dpi (the resolution the pipeline reads at):
// the header's boxes on every P1, written or left empty, none on the other pages; the page box on every
// page, its cells' emptiness and digits; and all that again on the sheet turned 3° either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_BAND, PAGE_BOX_BAND } from '../../../core/identify/crop';
import { isEmptyCell } from '../../../core/identify/locate/cell-ink';
import { locateHeader } from '../../../core/identify/locate/locate-header';
import { locatePageBox, type LocatedPageBox } from '../../../core/identify/locate/locate-page-box';
import type { PdfShape } from '../../generator/types';
import { expectedHeader } from './expected-header';
import { expectHeader } from './header-checks';
import { lookAt, rotated } from './image-tools';
import { isUprightPage, scanBatch, type ScannedBatch, type ScannedPage } from './scanned-pages';

const DPI = 150;
const SHAPES: PdfShape[] = ['jpeg', 'compact', 'bilevel'];
const TURNS = [3, -3];

describe.each(SHAPES)('on %s scans at 150 dpi', (shape) => {
  let batch: ScannedBatch;
  let firstPages: ScannedPage[];
  let scannedPages: ScannedPage[];
  beforeAll(async () => {
    // Two sheets each, one student leaving the first header empty: written and empty headers both.
    batch = await scanBatch({
      seed: 11,
      shape,
      dpi: DPI,
      students: 3,
      present: 3,
      sheetsPerStudent: [2, 2],
      blankHeaderFirstSheet: 1,
    });
    scannedPages = batch.pages.filter((page) => page.side.upsideDown !== true && page.sheet !== null);
    firstPages = scannedPages.filter((page) => isUprightPage(page, 1));
    await batch.prefetch(DPI, [HEADER_BAND, PAGE_BOX_BAND]);
  });
  afterAll(() => batch.close());

  it('finds every header box of every P1, in order, ink exactly where the student wrote', async () => {
    expect(firstPages.length).toBe(6);
    expect(firstPages.filter((page) => !page.sheet?.headerFilled).length).toBeGreaterThan(0);
    const looks = [];
    for (const page of firstPages) {
      const header = locateHeader(await page.render(DPI, HEADER_BAND), DPI);
      expectHeader(header, expectedHeader(page, batch.people), `P1 of page ${page.truth.id}`);
      if (header)
        looks.push([...header.lastName, ...header.firstName, ...header.birthDate].map((c) => c.image));
    }
    await lookAt(`header-cells-${shape}-${DPI}`, looks);
  });

  it.each(TURNS)('still does with the sheet turned %d° more, and measures the turn', async (turn) => {
    for (const page of firstPages) {
      const image = await page.render(DPI, HEADER_BAND);
      const straight = locateHeader(image, DPI);
      const turned = locateHeader(await rotated(image, turn), DPI);
      const what = `P1 of page ${page.truth.id} turned ${turn}°`;
      expectHeader(turned, expectedHeader(page, batch.people), what);
      expect(
        Math.abs((turned?.skewDegrees ?? NaN) - (straight?.skewDegrees ?? NaN) - turn),
        what,
      ).toBeLessThan(0.15);
    }
  });

  it('finds no header on P2, P3 and P4', async () => {
    for (const page of scannedPages.filter((p) => p.truth.pageInSheet !== 1)) {
      expect(locateHeader(await page.render(DPI, HEADER_BAND), DPI), `page ${page.truth.id}`).toBeNull();
    }
  });

  it('finds the page box on every page: empty when left empty, one strip per digit otherwise', async () => {
    const looks = [];
    for (const page of scannedPages) {
      const box = locatePageBox(await page.render(DPI, PAGE_BOX_BAND), DPI);
      expectPageBox(box, page.truth.pageBox, `page ${page.truth.id}`);
      if (box) looks.push([box.number.image, box.total.image, ...box.number.glyphs, ...box.total.glyphs]);
    }
    await lookAt(`page-boxes-${shape}-${DPI}`, looks);
  });

  it.each(TURNS)('finds the page boxes turned %d° too', async (turn) => {
    for (const page of scannedPages) {
      const box = locatePageBox(await rotated(await page.render(DPI, PAGE_BOX_BAND), turn), DPI);
      expectPageBox(box, page.truth.pageBox, `page ${page.truth.id} turned ${turn}°`);
    }
  });
});

/**
 * The two cells' emptiness, and their digit strips: one for a one-digit number. Two digits squeezed into
 * one box are cut in two only when a gap parts them (touching, they stay one strip): one or two strips.
 */
function expectPageBox(box: LocatedPageBox | null, written: [number, number] | null, what: string): void {
  expect(box, `${what}: page box found`).not.toBeNull();
  if (!box) return;
  [box.number, box.total].forEach((cell, i) => {
    const value = written?.[i];
    expect(isEmptyCell(cell.image), `${what}: cell ${i} empty`).toBe(value === undefined);
    if (value === undefined) expect(cell.glyphs, `${what}: cell ${i} strips`).toEqual([]);
    else if (value < 10) expect(cell.glyphs.length, `${what}: cell ${i} strips of ${value}`).toBe(1);
    else expect([1, 2], `${what}: cell ${i} strips of ${value}`).toContain(cell.glyphs.length);
  });
}
