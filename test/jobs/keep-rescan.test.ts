// Rescans set aside and A4 annexes in the decisions: keeping a rescan instead of the sheet it repeats (and
// back), the set-aside following the copies it names, annexes outside the multiple-of-4 rule.
import { describe, expect, it } from 'vitest';
import { applyDecision } from '../../core/decisions/apply-decision';
import { applyDecisions } from '../../core/decisions/apply-decisions';
import type { DecidedCopies, Decision, LogAction, LogEntry } from '../../core/decisions/decision';
import type { ManifestCopy, ManifestPage, ManifestRescan, ManifestStudent } from '../../core/manifest';
import { copyId, notMultipleOfFour } from '../../core/pipeline/copies';

const SOURCES = [{ sha256: 'a'.repeat(64) }, { sha256: 'b'.repeat(64) }];
const PAUL: ManifestStudent = {
  name: 'MARTIN PAUL',
  email: 'paul.martin@example.fr',
  birthDate: '2008-01-01',
  className: 'T.01',
};
const LEA: ManifestStudent = { ...PAUL, name: 'MARTIN LEA', email: 'lea.martin@example.fr' };

const page = (file: number, source: number, half: 'left' | 'right' | 'full'): ManifestPage => ({
  file,
  source,
  half,
  rotate: 0,
  blank: false,
});

/** One sheet read P1..P4: recto `side` [P4 | P1], verso `side + 1` [P2 | P3]. */
const sheetPages = (file: number, side: number): ManifestPage[] => [
  page(file, side, 'right'),
  page(file, side + 1, 'left'),
  page(file, side + 1, 'right'),
  page(file, side, 'left'),
];

function copyOf(pages: ManifestPage[], student: ManifestStudent): ManifestCopy {
  const first = pages[0]!;
  const id = copyId(SOURCES[first.file - 1]!.sha256, first.source, first.half);
  return {
    id,
    status: 'needs_review',
    student,
    confidence: 1,
    reasons: [],
    candidates: [],
    pages,
    file: `copies/${id}.pdf`,
  };
}

const refs = (pages: readonly ManifestPage[]) =>
  pages.map(({ file, source, half }) => ({ file, source, half }));

/**
 * Paul's copy: two sheets (file 1 sides 1-4), the second with its P1 turned and its P3 blank; Léa's: one
 * sheet (sides 5-6). File 2 rescanned both of Paul's sheets: set aside, in the reading order of the pages
 * they repeat.
 */
function batch(): DecidedCopies {
  const paul = copyOf([...sheetPages(1, 1), ...sheetPages(1, 3)], PAUL);
  paul.pages[4] = { ...paul.pages[4]!, rotate: 180 };
  paul.pages[6] = { ...paul.pages[6]!, blank: true };
  const lea = copyOf(sheetPages(1, 5), LEA);
  const rescans: ManifestRescan[] = [
    { pages: refs(sheetPages(2, 1)), reason: 'duplicate', of: paul.id },
    { pages: refs(sheetPages(2, 3)), reason: 'duplicate', of: paul.id },
  ];
  return { copies: [paul, lea], rescans };
}

const keep = (
  setAside: ManifestPage | ManifestRescan['pages'][number],
  replaces: ManifestPage,
): Decision => ({
  kind: 'keep-rescan',
  setAside,
  replaces,
});

const log = (...actions: LogAction[]): LogEntry[] =>
  actions.map((action, index) => ({ seq: index + 1, at: '2026-03-02T08:30:00Z', operator: 'alice', action }));

describe('keeping a rescan', () => {
  it("puts the rescan where the sheet it repeats was, with that sheet's turns and blanks, and sets the sheet aside", () => {
    const state = batch();
    const [paul, lea] = state.copies;
    const after = applyDecision(state, keep(state.rescans[1]!.pages[0]!, paul!.pages[4]!), SOURCES);

    const kept = after.copies[0]!;
    expect(kept.id).toBe(paul!.id);
    expect(kept.pages.slice(0, 4)).toEqual(paul!.pages.slice(0, 4));
    expect(kept.pages.slice(4)).toEqual([
      { ...page(2, 3, 'right'), rotate: 180 },
      page(2, 4, 'left'),
      { ...page(2, 4, 'right'), blank: true },
      page(2, 3, 'left'),
    ]);
    // Still Paul's, to review again as after any change.
    expect(kept).toMatchObject({ student: PAUL, status: 'needs_review', reasons: [] });
    expect(after.copies[1]).toBe(lea);
    expect(after.rescans).toEqual([
      state.rescans[0],
      { pages: refs(sheetPages(1, 3)), reason: 'duplicate', of: paul!.id },
    ]);
  });

  it('renames the copy when the rescan becomes its first page, and every set-aside of it follows', () => {
    const state = batch();
    const after = applyDecision(
      state,
      keep(state.rescans[0]!.pages[2]!, state.copies[0]!.pages[0]!),
      SOURCES,
    );
    const renamed = after.copies[0]!;
    expect(renamed.id).toBe(copyId(SOURCES[1]!.sha256, 1, 'right'));
    expect(after.rescans).toEqual([
      { pages: refs(sheetPages(1, 1)), reason: 'duplicate', of: renamed.id },
      { ...state.rescans[1], of: renamed.id },
    ]);
  });

  it('swaps back to the first scan, and undo and redo replay it from the log', () => {
    const state = batch();
    const swap = keep(state.rescans[1]!.pages[0]!, state.copies[0]!.pages[4]!);
    const swapped = applyDecision(state, swap, SOURCES);
    const back = applyDecision(swapped, keep(page(1, 3, 'left'), swapped.copies[0]!.pages[4]!), SOURCES);
    expect(back.copies[0]!.pages).toEqual(state.copies[0]!.pages);
    expect(back.rescans).toEqual(state.rescans);

    expect(applyDecisions(state, log(swap), SOURCES)).toEqual(swapped);
    expect(applyDecisions(state, log(swap, { kind: 'undo', target: 1 }), SOURCES)).toEqual(state);
    expect(
      applyDecisions(state, log(swap, { kind: 'undo', target: 1 }, { kind: 'redo', target: 1 }), SOURCES),
    ).toEqual(swapped);
  });

  it('refuses a page of no rescan, another copy, and pages that are not the sheet as read', () => {
    const state = batch();
    const [paul, lea] = state.copies;
    const rescan = state.rescans[1]!.pages[0]!;
    const refusals: [Decision, RegExp][] = [
      [keep(paul!.pages[1]!, paul!.pages[4]!), /file 1 page 2 \(left\) is not a page of a rescan/],
      [
        keep(rescan, lea!.pages[0]!),
        new RegExp(`repeats a sheet of copy ${paul!.id}, not of copy ${lea!.id}`),
      ],
      // Shifted by a page, then straddling the copy's end.
      [
        keep(rescan, paul!.pages[5]!),
        /from page 6 on is not a sheet read as the rescan is \(right, left, right, left\)/,
      ],
      [keep(rescan, paul!.pages[1]!), /from page 2 on is not a sheet read as the rescan is/],
      [keep(rescan, state.rescans[0]!.pages[0]! as ManifestPage), /no copy holds file 2 page 1 \(right\)/],
    ];
    for (const [decision, message] of refusals) {
      expect(() => applyDecision(state, decision, SOURCES)).toThrow(message);
    }
  });

  it('refuses to replace an annex: only sheet pages are what a rescanned sheet repeats', () => {
    const state = batch();
    const lea = state.copies[1]!;
    const withAnnex = copyOf([...lea.pages.slice(0, 3), { ...page(1, 7, 'full'), kind: 'annex' }], LEA);
    const rescan: ManifestRescan = {
      pages: [page(2, 9, 'right'), page(2, 10, 'left'), page(2, 10, 'right'), page(2, 9, 'full')],
      reason: 'duplicate',
      of: withAnnex.id,
    };
    const decision = keep(rescan.pages[0]!, withAnnex.pages[0]!);
    expect(() => applyDecision({ copies: [withAnnex], rescans: [rescan] }, decision, SOURCES)).toThrow(
      /is not a sheet read as the rescan is/,
    );
  });

  it('refuses decisions on a page of a rescan: it is in no copy', () => {
    const state = batch();
    const rescan = state.rescans[0]!.pages[1]!;
    const decisions: Decision[] = [
      { kind: 'rotate-page', page: rescan, rotate: 90 },
      { kind: 'mark-blank', page: rescan, blank: true },
      { kind: 'move-page', page: rescan, toCopyId: state.copies[1]!.id, toIndex: 0 },
    ];
    for (const decision of decisions) {
      expect(() => applyDecision(state, decision, SOURCES)).toThrow(
        /file 2 page 2 \(left\) is a page of a rescan, in no copy: keep the rescan first/,
      );
    }
  });
});

describe('set-aside entries follow the copies decisions change', () => {
  it('to the copy holding most of the pages: the head of a split, the merged copy, the rest of a move', () => {
    const state = batch();
    const [paul, lea] = state.copies;
    const ofAll = (next: DecidedCopies) => next.rescans.map((entry) => entry.of);

    const split = applyDecision(state, { kind: 'split-copy', copyId: paul!.id, at: 4 }, SOURCES);
    expect(ofAll(split)).toEqual([split.copies[0]!.id, split.copies[0]!.id]);

    const unassigned = applyDecision(
      split,
      { kind: 'assign-student', copyId: split.copies[0]!.id, student: null },
      SOURCES,
    );
    const merged = applyDecision(
      unassigned,
      { kind: 'merge-copies', copyId: unassigned.copies[0]!.id, intoCopyId: lea!.id },
      SOURCES,
    );
    const mergedCopy = merged.copies.find((copy) => copy.pages.length === 8)!;
    expect(ofAll(merged)).toEqual([mergedCopy.id, mergedCopy.id]);

    const moved = applyDecision(
      state,
      { kind: 'move-page', page: paul!.pages[0]!, toCopyId: lea!.id, toIndex: 4 },
      SOURCES,
    );
    expect(moved.copies[0]!.id).not.toBe(paul!.id);
    expect(ofAll(moved)).toEqual([moved.copies[0]!.id, moved.copies[0]!.id]);
  });
});

describe('annexes in the decisions', () => {
  const annex = { ...page(1, 9, 'full'), kind: 'annex' as const };

  it('counts sheet pages only: a sheet and an annex validate, and a change does not call them 5 pages', () => {
    const copy = copyOf([...sheetPages(1, 1), annex], PAUL);
    const state = { copies: [copy], rescans: [] };
    const turned = applyDecision(state, { kind: 'rotate-page', page: annex, rotate: 90 }, SOURCES);
    expect(turned.copies[0]!.reasons).toEqual([]);
    const validated = applyDecision(turned, { kind: 'validate-copy', copyId: copy.id }, SOURCES);
    expect(validated.copies[0]).toMatchObject({ status: 'ready', reasons: [] });
  });

  it('flags the sheet pages, not all pages, when a sheet is incomplete', () => {
    const copy = copyOf([...sheetPages(1, 1), annex], PAUL);
    const state = { copies: [copy], rescans: [] };
    const split = applyDecision(state, { kind: 'split-copy', copyId: copy.id, at: 2 }, SOURCES);
    expect(split.copies[1]!.reasons).toContain(notMultipleOfFour(2));
    expect(() =>
      applyDecision(split, { kind: 'validate-copy', copyId: split.copies[0]!.id }, SOURCES),
    ).toThrow(/has 2 sheet pages, not a multiple of 4/);
  });

  it('keeps a moved annex an annex', () => {
    const copy = copyOf([...sheetPages(1, 1), annex], PAUL);
    const other = copyOf(sheetPages(1, 3), LEA);
    const moved = applyDecision(
      { copies: [copy, other], rescans: [] },
      { kind: 'move-page', page: annex, toCopyId: other.id, toIndex: 4 },
      SOURCES,
    );
    expect(moved.copies[1]!.pages[4]).toEqual(annex);
    expect(moved.copies[1]!.reasons).toEqual([]);
  });
});
