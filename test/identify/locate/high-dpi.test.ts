// The same box finding at the higher resolutions scanners write (300 dpi on every shape, 600 on one
// page: rendering is slow there), and on the annex's own identification frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_BAND, PAGE_BOX_BAND } from '../../../core/identify/crop';
import { isEmptyCell } from '../../../core/identify/locate/cell-ink';
import { locateHeader } from '../../../core/identify/locate/locate-header';
import { locatePageBox } from '../../../core/identify/locate/locate-page-box';
import type { GenerateOptions, PdfShape } from '../../generator/types';
import { expectedHeader } from './expected-header';
import { expectHeader } from './header-checks';
import { lookAt } from './image-tools';
import { isUprightPage, scanBatch, type ScannedBatch } from './scanned-pages';

const CASES: { shape: PdfShape; dpi: number }[] = [
  { shape: 'jpeg', dpi: 300 },
  { shape: 'compact', dpi: 300 },
  { shape: 'bilevel', dpi: 300 },
  { shape: 'compact', dpi: 600 },
];

describe.each(CASES)('on $shape scans at $dpi dpi', ({ shape, dpi }) => {
  let batch: ScannedBatch;
  beforeAll(async () => {
    batch = await scanBatch({ seed: 21, shape, dpi, students: 1, present: 1, sheetsPerStudent: [1, 1] });
  });
  afterAll(() => batch.close());

  it('finds the header and the page boxes', async () => {
    const [first] = batch.pages.filter((page) => isUprightPage(page, 1));
    if (!first) throw new Error('the batch has no upright P1');
    const header = locateHeader(await first.render(dpi, HEADER_BAND), dpi);
    expectHeader(header, expectedHeader(first, batch.people), `P1 at ${dpi} dpi`);
    if (header) {
      await lookAt(`header-cells-${shape}-${dpi}`, [
        [...header.lastName, ...header.firstName, ...header.birthDate].map((c) => c.image),
      ]);
    }
    for (const page of dpi > 300 ? [first] : batch.pages) {
      const box = locatePageBox(await page.render(dpi, PAGE_BOX_BAND), dpi);
      expect(box, `page ${page.truth.id}`).not.toBeNull();
      expect(box && isEmptyCell(box.number.image), `page ${page.truth.id} number`).toBe(
        page.truth.pageBox === null,
      );
    }
  });
});

describe('on an annex', () => {
  const options: GenerateOptions = {
    seed: 22,
    shape: 'compact',
    dpi: 150,
    students: 1,
    present: 1,
    sheetsPerStudent: [1, 1],
    annexes: { afterCopy: 1 },
  };
  let batch: ScannedBatch;
  beforeAll(async () => {
    batch = await scanBatch(options);
  });
  afterAll(() => batch.close());

  it("finds its CMEN frame's boxes too: 22, 18 and 8, the student's writing in them", async () => {
    const annex = batch.pages.find((page) => page.half === 'full');
    if (!annex) throw new Error('the batch has no annex');
    const header = locateHeader(await annex.render(150, HEADER_BAND), 150);
    expect([header?.lastName.length, header?.firstName.length, header?.birthDate.length]).toEqual([
      22, 18, 8,
    ]);
    expect(header?.birthDate.every((cell) => !isEmptyCell(cell.image))).toBe(true);
  });
});
