import { describe, expect, it } from 'vitest';
import { KorrigoError } from '../../core/errors';
import type { ManifestCopy, ManifestSource } from '../../core/manifest';
import { planCopies } from '../../core/pipeline/copies';
import { assertInvariants, checkInvariants } from '../../core/pipeline/invariants';
import { groupSheets } from '../../core/pipeline/sheets';
import type { StackPage } from '../../core/pipeline/stack';

const box = { x0: 0, y0: 0, x1: 1, y1: 1 };

/** A stack from a layout string, one file: '3' is an A3 side, '4' an A4 page. */
function stackOf(layouts: string): { sources: ManifestSource[]; stack: StackPage[] } {
  const stack = [...layouts].map((kind, position): StackPage => ({
    position,
    file: 1,
    source: position + 1,
    fileName: 'SKM1.pdf',
    geometry: { rotate: 0, mediaBox: box, cropBox: box, width: 1, height: 1 },
    layout: kind === '3' ? 'a3' : 'a4',
  }));
  return { sources: [{ file: 'SKM1.pdf', sha256: 'ab'.repeat(32), pages: stack.length }], stack };
}

function planned(layouts: string) {
  const { sources, stack } = stackOf(layouts);
  return { sources, stack, copies: planCopies(groupSheets(stack), sources) };
}

const check = ({
  sources,
  stack,
  copies,
}: {
  sources: ManifestSource[];
  stack: StackPage[];
  copies: ManifestCopy[];
}) => checkInvariants(sources, stack, copies);

describe('checkInvariants', () => {
  it('holds for the copies the pipeline plans, odd runs and loose pages included', () => {
    expect(check(planned('3333433343'))).toEqual({
      everyPageOnce: true,
      pagesInOrder: true,
      multipleOfFour: true,
      violations: [],
    });
  });

  it('finds a half placed in two copies, and one placed in none', () => {
    const batch = planned('3333');
    batch.copies[1]!.pages.push({ ...batch.copies[0]!.pages[0]! });
    batch.copies[0]!.pages.pop();
    const result = check(batch);
    expect(result.everyPageOnce).toBe(false);
    expect(result.violations).toEqual(
      expect.arrayContaining([
        'SKM1.pdf page 1 (right) is in 2 copies',
        'SKM1.pdf page 1 (left) is in 0 copies',
      ]),
    );
  });

  it('finds a page no scan has', () => {
    const batch = planned('33');
    batch.copies[0]!.pages.push({ file: 1, source: 9, half: 'full', rotate: 0, blank: false });
    expect(check(batch).violations).toContain('a copy holds 1:9:full, which is no half of any scanned page');
  });

  it('finds a source page that was never classified', () => {
    const batch = planned('33');
    batch.sources[0]!.pages = 3;
    expect(check(batch).violations).toContain('SKM1.pdf page 3 was never classified');
  });

  it('finds P2 and P3 swapped, and a sheet that starts with a left half', () => {
    const swapped = planned('33');
    const pages = swapped.copies[0]!.pages;
    [pages[1], pages[2]] = [pages[2]!, pages[1]!];
    expect(check(swapped).pagesInOrder).toBe(false);

    const reversed = planned('33');
    reversed.copies[0]!.pages.reverse();
    expect(check(reversed).violations[0]).toMatch(
      /page 1 \(SKM1.pdf page 1 \(left\)\) does not start a sheet read as P1, P2, P3, P4/,
    );
  });

  it('accepts a sheet fed upside down read as [P1 | P4] [P3 | P2], and refuses it read as if upright', () => {
    const batch = planned('33');
    const page = (source: number, half: 'left' | 'right', rotate: 0 | 180) => ({
      file: 1,
      source,
      half,
      rotate,
      blank: false,
    });
    batch.copies[0]!.pages = [
      page(1, 'left', 180),
      page(2, 'right', 180),
      page(2, 'left', 180),
      page(1, 'right', 180),
    ];
    expect(check(batch).pagesInOrder).toBe(true);
    batch.copies[0]!.pages = [
      page(1, 'left', 180),
      page(2, 'left', 180),
      page(2, 'right', 180),
      page(1, 'right', 180),
    ];
    expect(check(batch).pagesInOrder).toBe(false);
  });

  it('accepts a sheet fed verso first, P1 from a later page than P2, upright or upside down', () => {
    const batch = planned('3333');
    const page = (source: number, half: 'left' | 'right', rotate: 0 | 180 = 0) => ({
      file: 1,
      source,
      half,
      rotate,
      blank: false,
    });
    // Page 1 is the verso, page 2 the recto; pages 3 and 4 a sheet fed upside down and verso first.
    batch.copies = [
      {
        ...batch.copies[0]!,
        pages: [
          page(2, 'right'),
          page(1, 'left'),
          page(1, 'right'),
          page(2, 'left'),
          page(4, 'left', 180),
          page(3, 'right', 180),
          page(3, 'left', 180),
          page(4, 'right', 180),
        ],
      },
    ];
    expect(check(batch)).toMatchObject({ everyPageOnce: true, pagesInOrder: true, violations: [] });
  });

  it('refuses a verso two sides away from its recto, and sheets out of order by their first side', () => {
    const page = (source: number, half: 'left' | 'right') => ({
      file: 1,
      source,
      half,
      rotate: 0 as const,
      blank: false,
    });
    const farVerso = planned('3333');
    farVerso.copies = [
      {
        ...farVerso.copies[0]!,
        pages: [page(1, 'right'), page(3, 'left'), page(3, 'right'), page(1, 'left')],
      },
      {
        ...farVerso.copies[1]!,
        pages: [page(2, 'right'), page(4, 'left'), page(4, 'right'), page(2, 'left')],
      },
    ];
    expect(check(farVerso).violations).toEqual([
      expect.stringMatching(/page 1 \(SKM1.pdf page 1 \(right\)\) does not start a sheet/),
      expect.stringMatching(/page 1 \(SKM1.pdf page 2 \(right\)\) does not start a sheet/),
    ]);

    // The sheet of pages 3-4 (fed verso first: it starts at page 3) listed before the sheet of pages 1-2.
    const swapped = planned('3333');
    swapped.copies = [
      {
        ...swapped.copies[0]!,
        pages: [
          page(4, 'right'),
          page(3, 'left'),
          page(3, 'right'),
          page(4, 'left'),
          page(1, 'right'),
          page(2, 'left'),
          page(2, 'right'),
          page(1, 'left'),
        ],
      },
    ];
    expect(check(swapped).violations).toEqual([expect.stringMatching(/page 5 .* is out of stack order/)]);
  });

  it('accepts the P2 and P3 of a verso whose recto is missing, as its own unit', () => {
    const batch = planned('333');
    const page = (source: number, half: 'left' | 'right', rotate: 0 | 180) => ({
      file: 1,
      source,
      half,
      rotate,
      blank: false,
    });
    batch.copies = [
      { ...batch.copies[0]!, pages: [page(1, 'left', 0), page(1, 'right', 0)] },
      {
        ...batch.copies[1]!,
        pages: [page(2, 'right', 180), page(2, 'left', 180), page(3, 'right', 180), page(3, 'left', 180)],
      },
    ];
    expect(check(batch)).toMatchObject({ pagesInOrder: true, everyPageOnce: true });
    // A lone side is two halves of one page: any other page after its first half is disorder.
    batch.copies[1]!.pages = [
      page(2, 'right', 180),
      page(3, 'left', 180),
      page(2, 'left', 180),
      page(3, 'right', 180),
    ];
    expect(check(batch).pagesInOrder).toBe(false);
  });

  it('accepts several sheets in one copy in stack order, and refuses them in the wrong order', () => {
    const inOrder = planned('3333');
    inOrder.copies = [{ ...inOrder.copies[0]!, pages: inOrder.copies.flatMap((copy) => copy.pages) }];
    expect(check(inOrder).pagesInOrder).toBe(true);

    const outOfOrder = planned('3333');
    outOfOrder.copies = [
      { ...outOfOrder.copies[0]!, pages: outOfOrder.copies.reverse().flatMap((c) => c.pages) },
    ];
    expect(check(outOfOrder).violations[0]).toMatch(/out of stack order/);
  });

  it('requires a copy that is not a multiple of 4 pages to be flagged for review with the reason', () => {
    const batch = planned('3');
    expect(check(batch).multipleOfFour).toBe(true);
    batch.copies[0]!.status = 'ready';
    expect(check(batch)).toMatchObject({ multipleOfFour: false, everyPageOnce: true, pagesInOrder: true });
  });
});

describe('assertInvariants', () => {
  it('stops the run on a page placed twice or out of order, naming the problem', () => {
    const batch = planned('3333');
    batch.copies[1]!.pages.push({ ...batch.copies[0]!.pages[0]! });
    const run = () => assertInvariants(check(batch));
    expect(run).toThrow(KorrigoError);
    expect(run).toThrow(/no copy was written: SKM1.pdf page 1 \(right\) is in 2 copies/);
  });

  it('lets a run whose only problem is recorded in the manifest go on', () => {
    const batch = planned('3');
    batch.copies[0]!.status = 'ready';
    expect(() => assertInvariants(check(batch))).not.toThrow();
  });
});
