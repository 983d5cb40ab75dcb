// Scan-room accidents on generated batches, processed end to end: sheets fed verso first (also upside
// down), a blank verso dropped by the scanner, a sheet lost before scanning. Each must stay local: no page
// lost or doubled, no student mixed, pages upright in reading order, the exact reason on the copy it
// concerns, and every other copy as if nothing had happened.
import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestCopy } from '../../core/manifest';
import type { BatchTruth, GenerateOptions, TruthSheet } from '../generator/types';
import { copyPageIds, renderedCopyPageIds, truthByHalf } from './truth-check';
import { useGeneratedBatches } from './process-generated';

// Seeds chosen so that each fault lands where it tests something: in case 1 the sheet fed upside down and
// verso first comes right after a one-sheet copy whose verso was dropped (both are "first sheets": only
// the page count tells which copy that verso belongs to); in case 2 a sheet is lost mid-copy.
const CASES: { title: string; options: GenerateOptions }[] = [
  {
    title:
      'compact pages: verso first, upside down and verso first, a dropped blank verso, a lost last sheet',
    options: {
      seed: 55,
      shape: 'compact',
      dpi: 150,
      students: 8,
      sheetsPerStudent: [1, 3],
      fonts: ['Humor Sans'],
      versoFirst: 1,
      upsideDownVersoFirst: 1,
      droppedBlankSides: 1,
      missingSheets: 1,
    },
  },
  {
    title: 'single JPEG sides: verso first, upside down, a dropped blank verso, a sheet lost mid-copy',
    options: {
      seed: 91,
      shape: 'jpeg',
      dpi: 150,
      students: 6,
      present: 6,
      sheetsPerStudent: [1, 3],
      fonts: ['Comic Neue'],
      versoFirst: 1,
      upsideDown: 1,
      droppedBlankSides: 1,
      missingSheets: 1,
    },
  },
];

/** Reasons only a pairing or a page-box fault gives. */
const FAULT_REASON = /verso missing|recto missing|page boxes/;

const processGenerated = useGeneratedBatches('korrigo-faults-');

// Generation and reading at 150 dpi take ~30 s a case on an idle machine; a loaded one needs more.
const TIMEOUT_MS = 400_000;

function copyWith(manifest: Manifest, ids: number[][], page: number): { copy: ManifestCopy; ids: number[] } {
  const c = ids.findIndex((copy) => copy.includes(page));
  expect(c, `page ${page} is in a copy`).toBeGreaterThanOrEqual(0);
  return { copy: manifest.copies[c]!, ids: ids[c]! };
}

function sideOf(truth: BatchTruth, page: number) {
  return truth.sides.find((side) => side.left === page || side.right === page)!;
}

describe('scan-room faults on generated batches', () => {
  it.each(CASES)('$title', { timeout: TIMEOUT_MS }, async ({ options }) => {
    const { batch, manifest, outDir } = await processGenerated(options);
    const { truth } = batch;
    const pageById = new Map(truth.pages.map((page) => [page.id, page]));
    const ids = copyPageIds(manifest, truth);

    // No page lost, none doubled; the bookkeeping agrees.
    expect(ids.flat().sort((a, b) => a - b)).toEqual([...truthByHalf(truth).values()].sort((a, b) => a - b));
    expect(manifest.invariants.violations).toEqual([]);

    // No student mixed; a ready copy is its student's.
    const owners = ids.map((copy) => [...new Set(copy.map((id) => pageById.get(id)!.student))]);
    for (const set of owners) expect(set).toHaveLength(1);
    manifest.copies.forEach((copy, c) => {
      if (copy.status === 'ready') expect(copy.student?.email).toBe(owners[c]![0]);
      else expect(copy.reasons.length).toBeGreaterThan(0);
    });

    // Pages in reading order (sheet after sheet, P1 to P4), upright as a viewer shows them.
    for (const copy of ids) {
      const order = copy.map((id) => {
        const page = pageById.get(id)!;
        return truth.sheets[page.sheet!]!.sheetNo * 10 + page.pageInSheet!;
      });
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    manifest.copies.forEach((copy, c) => {
      copy.pages.forEach((page, i) => {
        expect(page.rotate).toBe(sideOf(truth, ids[c]![i]!).upsideDown ? 180 : 0);
      });
    });
    expect(await renderedCopyPageIds(manifest, outDir, 40)).toEqual(ids);
    // Blank pages are marked, never dropped (a P1 is never asked: its printed header counts as content).
    const blank = manifest.copies.flatMap((copy, c) =>
      copy.pages.flatMap((page, i) => (page.blank ? [ids[c]![i]!] : [])),
    );
    const truthBlank = ids
      .flat()
      .filter((id) => pageById.get(id)!.blank && pageById.get(id)!.pageInSheet !== 1);
    expect(blank.sort((a, b) => a - b)).toEqual(truthBlank.sort((a, b) => a - b));

    const faulty = new Set<number>();
    const faultSheets = (flag: (sheet: TruthSheet) => boolean | undefined) =>
      truth.sheets.filter((sheet) => flag(sheet));

    // A sheet fed verso first (upside down or not) is read P1, P2, P3, P4 like any other, with no reason.
    const versoFirst = faultSheets((s) => s.versoFirst);
    expect(versoFirst.length).toBeGreaterThan(0);
    for (const sheet of versoFirst) {
      const { copy, ids: copyIds } = copyWith(manifest, ids, sheet.pages[0]);
      const start = copyIds.indexOf(sheet.pages[0]);
      expect(copyIds.slice(start, start + 4)).toEqual(sheet.pages);
      expect(copy.reasons.filter((reason) => /verso missing|recto missing/.test(reason))).toEqual([]);
    }

    // The recto whose blank verso the scanner dropped: its copy keeps P1 and P4, in review, and says which
    // side lacks its verso.
    const [dropped] = faultSheets((s) => s.versoDropped);
    const droppedCopy = copyWith(manifest, ids, dropped!.pages[0]);
    faulty.add(manifest.copies.indexOf(droppedCopy.copy));
    const recto = sideOf(truth, dropped!.pages[0]);
    expect(droppedCopy.copy.status).toBe('needs_review');
    expect(droppedCopy.copy.reasons).toContainEqual(
      expect.stringMatching(new RegExp(`^verso missing after SKM${recto.file}\\.pdf page ${recto.source}: `)),
    );
    const p1 = droppedCopy.ids.indexOf(dropped!.pages[0]);
    expect(droppedCopy.ids.slice(p1, p1 + 2)).toEqual([dropped!.pages[0], dropped!.pages[3]]);

    // A sheet lost before scanning: its student's copy is in review because the page boxes jump.
    const [lost] = faultSheets((s) => s.missing);
    const lostCopies = manifest.copies.filter((_, c) => owners[c]![0] === lost!.student);
    expect(lostCopies).toHaveLength(1);
    faulty.add(manifest.copies.indexOf(lostCopies[0]!));
    expect(lostCopies[0]!.status).toBe('needs_review');
    const pages = (sheet: number) => `${4 * sheet - 3}-${4 * sheet}`;
    expect(lostCopies[0]!.reasons).toContainEqual(
      lost!.sheetNo === lost!.sheetsOf
        ? `page boxes give ${4 * lost!.sheetsOf} pages in all but the copy has ${4 * (lost!.sheetsOf - 1)}`
        : expect.stringContaining(
            `page boxes say pages ${pages(lost!.sheetNo + 1)} where pages ${pages(lost!.sheetNo)} were expected`,
          ),
    );

    // Every other copy is untouched: whole sheets, and no pairing or page-box reason.
    manifest.copies.forEach((copy, c) => {
      if (faulty.has(c)) return;
      expect(copy.pages.length % 4, `copy ${copy.id}`).toBe(0);
      expect(
        copy.reasons.filter((reason) => FAULT_REASON.test(reason)),
        `copy ${copy.id}`,
      ).toEqual([]);
    });
  });
});
