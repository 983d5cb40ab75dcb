// Every decision kind through the store: applied, undone, redone, and always equal to replaying the log.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKorrigoError } from '../../core/errors';
import type { ManifestCopy, ManifestStudent } from '../../core/manifest';
import type { Decision } from '../../core/decisions/decision';
import { exportBatch } from '../../core/jobs/export-batch';
import { importBatch } from '../../core/jobs/import-batch';
import { batchHistory, recordDecision, redoDecision, undoDecision } from '../../core/jobs/operator-decisions';
import { NOT_IDENTIFIED, notMultipleOfFour } from '../../core/pipeline/copies';
import { readCopies } from '../../core/store/copy-rows';
import { readLog } from '../../core/store/decision-log';
import type { Store } from '../../core/store/open-store';
import { shownPages, visibleText } from '../pipeline/pdf-inspect';
import { useTempDir } from '../pipeline/temp-dir';
import { FIXED_NOW, useStores, writeExamDay, writeRoster } from '../store/store-fixture';
import { expectReplayable } from './replay-check';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

const MARIE: ManifestStudent = {
  name: 'DUPONT MARIE',
  email: 'marie.dupont@example.fr',
  birthDate: '2008-03-12',
  className: 'T.01',
};

/** The exam day planned: S1, S2, S3 (4 pages each), the annex (1 page), S4 without verso (2 pages). */
async function plannedBatch(): Promise<{ store: Store; batchId: string; copies: ManifestCopy[] }> {
  const store = openTestStore({ now: FIXED_NOW });
  const { batch } = await importBatch(store, {
    scans: await writeExamDay(tempDir()),
    roster: await writeRoster(tempDir()),
  });
  // Decisions are about copies, not about reading headers (these sheets have none).
  await exportBatch(store, batch.id, join(tempDir(), 'planned'), { identify: false });
  return { store, batchId: batch.id, copies: readCopies(store.db, batch.id) };
}

/** Applies the decision, checks its effect, then undo gives the copies before and redo the copies after. */
async function expectUndoable(
  decision: (copies: ManifestCopy[]) => Decision,
  effect: (after: ManifestCopy[], before: ManifestCopy[]) => void,
  prepare: (store: Store, batchId: string, copies: ManifestCopy[]) => void = () => {},
): Promise<void> {
  const { store, batchId, copies: planned } = await plannedBatch();
  prepare(store, batchId, planned);
  const before = readCopies(store.db, batchId);
  const outcome = recordDecision(store, batchId, 'alice', decision(before));
  const after = readCopies(store.db, batchId);
  expect(outcome.copies).toEqual(after);
  effect(after, before);
  expectReplayable(store, batchId);

  expect(undoDecision(store, batchId, 'bob').copies).toEqual(before);
  expect(readCopies(store.db, batchId)).toEqual(before);
  expectReplayable(store, batchId);

  expect(redoDecision(store, batchId, 'alice').copies).toEqual(after);
  expect(readCopies(store.db, batchId)).toEqual(after);
  expectReplayable(store, batchId);
}

const ids = (copies: ManifestCopy[]) => copies.map((copy) => copy.id);

describe('operator decisions in the store', () => {
  it('assigns a student, and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'assign-student', copyId: copies[0]!.id, student: MARIE }),
      (after) => {
        expect(after[0]).toMatchObject({
          student: MARIE,
          confidence: 1,
          status: 'needs_review',
          reasons: [],
        });
      },
    );
  });

  it('moves a page into another copy (the emptied copy ends), and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'move-page', page: copies[3]!.pages[0]!, toCopyId: copies[2]!.id, toIndex: 4 }),
      (after, before) => {
        expect(ids(after)).toEqual(ids(before).filter((_, index) => index !== 3));
        expect(after[2]!.pages).toEqual([...before[2]!.pages, before[3]!.pages[0]]);
        expect(after[2]!.reasons).toEqual([NOT_IDENTIFIED, notMultipleOfFour(5)]);
      },
    );
  });

  it('moves pages of two copies into a third as one entry, which one undo takes back', async () => {
    await expectUndoable(
      (copies) => ({
        kind: 'move-pages',
        pages: [copies[3]!.pages[0]!, copies[1]!.pages[3]!],
        toCopyId: copies[2]!.id,
        toIndex: 1,
      }),
      (after, before) => {
        expect(after[2]!.pages).toEqual([
          before[2]!.pages[0],
          before[3]!.pages[0],
          before[1]!.pages[3],
          ...before[2]!.pages.slice(1),
        ]);
        expect(after[1]!.pages).toEqual(before[1]!.pages.slice(0, 3));
      },
    );
  });

  it('reorders a page within its copy (the id follows the new first page), and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'move-page', page: copies[0]!.pages[3]!, toCopyId: copies[0]!.id, toIndex: 0 }),
      (after, before) => {
        const [p1, p2, p3, p4] = before[0]!.pages;
        expect(after[0]!.pages).toEqual([p4, p1, p2, p3]);
        expect(after[0]!.id).toMatch(/-p0001-left$/);
        expect(after[0]!.id).not.toBe(before[0]!.id);
      },
    );
  });

  it('rotates a page, and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'rotate-page', page: copies[1]!.pages[1]!, rotate: 90 }),
      (after, before) => {
        expect(after[1]!.pages[1]).toEqual({ ...before[1]!.pages[1], rotate: 90 });
        expect(after[1]!.id).toBe(before[1]!.id);
      },
    );
  });

  it('marks a page blank, and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'mark-blank', page: copies[0]!.pages[3]!, blank: true }),
      (after) => expect(after[0]!.pages.map((page) => page.blank)).toEqual([false, false, false, true]),
    );
  });

  it('splits a copy, and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'split-copy', copyId: copies[0]!.id, at: 2 }),
      (after, before) => {
        expect(after).toHaveLength(before.length + 1);
        expect([...after[0]!.pages, ...after[1]!.pages]).toEqual(before[0]!.pages);
        expect(after[1]!.reasons).toEqual([NOT_IDENTIFIED, notMultipleOfFour(2)]);
      },
    );
  });

  it('merges two copies, and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'merge-copies', copyId: copies[1]!.id, intoCopyId: copies[0]!.id }),
      (after, before) => {
        expect(after).toHaveLength(before.length - 1);
        expect(after[0]!.pages).toEqual([...before[0]!.pages, ...before[1]!.pages]);
        expect(after[0]!.reasons).toEqual([NOT_IDENTIFIED]);
      },
    );
  });

  it('validates a copy, and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'validate-copy', copyId: copies[0]!.id }),
      (after) => expect(after[0]).toMatchObject({ status: 'ready', reasons: [], student: MARIE }),
      (store, batchId, copies) =>
        recordDecision(store, batchId, 'alice', {
          kind: 'assign-student',
          copyId: copies[0]!.id,
          student: MARIE,
        }),
    );
  });

  it('accepts a copy (assigned and validated by one entry), and undoes and redoes it', async () => {
    await expectUndoable(
      (copies) => ({ kind: 'accept', copyId: copies[0]!.id, student: MARIE }),
      (after) => expect(after[0]).toMatchObject({ status: 'ready', reasons: [], student: MARIE }),
    );
  });

  it("keeps a teacher's page-order check in the stored copies, and undoes and redoes it", async () => {
    await expectUndoable(
      (copies) => ({ kind: 'check-page-order', copyId: copies[1]!.id, checked: true }),
      (after, before) => {
        expect(after[1]!.pageOrderChecked).toBe(true);
        expect(after.filter((copy) => copy.pageOrderChecked)).toHaveLength(1);
        expect({ ...after[1], pageOrderChecked: undefined }).toEqual({
          ...before[1],
          pageOrderChecked: undefined,
        });
      },
    );
  });

  it('keeps every decision, undo and redo in the log, with who and when; a new decision ends redo', async () => {
    const { store, batchId, copies } = await plannedBatch();
    recordDecision(store, batchId, 'alice', { kind: 'mark-blank', page: copies[0]!.pages[3]!, blank: true });
    recordDecision(store, batchId, 'alice', { kind: 'split-copy', copyId: copies[1]!.id, at: 2 });
    undoDecision(store, batchId, 'bob');
    expect(undoDecision(store, batchId, 'bob')).toMatchObject({ undoable: undefined, redoable: 1 });
    expect(redoDecision(store, batchId, 'bob')).toMatchObject({ undoable: 1, redoable: 2 });
    const rotated = recordDecision(store, batchId, 'carol', {
      kind: 'rotate-page',
      page: copies[2]!.pages[0]!,
      rotate: 180,
    });
    expect(rotated).toMatchObject({ undoable: 6, redoable: undefined });
    expect(() => redoDecision(store, batchId, 'carol')).toThrow(/there is nothing to redo/);

    expect(
      batchHistory(store, batchId).log.map(({ seq, operator, at, action }) => [
        seq,
        operator,
        at,
        action.kind,
      ]),
    ).toEqual([
      [1, 'alice', FIXED_NOW().toISOString(), 'mark-blank'],
      [2, 'alice', FIXED_NOW().toISOString(), 'split-copy'],
      [3, 'bob', FIXED_NOW().toISOString(), 'undo'],
      [4, 'bob', FIXED_NOW().toISOString(), 'undo'],
      [5, 'bob', FIXED_NOW().toISOString(), 'redo'],
      [6, 'carol', FIXED_NOW().toISOString(), 'rotate-page'],
    ]);
    const state = readCopies(store.db, batchId);
    expect(state).toHaveLength(copies.length);
    expect(state[0]!.pages[3]!.blank).toBe(true);
    expect(state[2]!.pages[0]!.rotate).toBe(180);
    expectReplayable(store, batchId);
  });

  it('refuses what does not apply, with the reason, and records nothing', async () => {
    const { store, batchId, copies } = await plannedBatch();
    const refusals: [unknown, RegExp][] = [
      [{ kind: 'validate-copy', copyId: copies[0]!.id }, /copy .* has no student: assign one first/],
      [
        { kind: 'assign-student', copyId: copies[0]!.id, student: { ...MARIE, name: 'DUPONT MARIA' } },
        /DUPONT MARIA <marie.dupont@example.fr> is not a student of the roster eleves.csv/,
      ],
      [{ kind: 'split-copy', copyId: copies[0]!.id, at: 4 }, /has 4 pages: it cannot be split before page 5/],
      [{ kind: 'split-copy', copyId: 'nope', at: 1 }, /there is no copy nope/],
      [
        {
          kind: 'move-page',
          page: { file: 9, source: 1, half: 'left' },
          toCopyId: copies[0]!.id,
          toIndex: 0,
        },
        /no copy holds file 9 page 1 \(left\)/,
      ],
      [{ kind: 'rotate-page', page: copies[0]!.pages[0]!, rotate: 45 }, /malformed decision/],
      [{ kind: 'shred-copy', copyId: copies[0]!.id }, /malformed decision/],
    ];
    for (const [decision, message] of refusals) {
      let refused: unknown;
      try {
        recordDecision(store, batchId, 'alice', decision);
      } catch (error) {
        refused = error;
      }
      expect(isKorrigoError(refused), String(message)).toBe(true);
      expect((refused as Error).message).toMatch(new RegExp(`^batch ${batchId}: decision refused: `));
      expect((refused as Error).message).toMatch(message);
    }
    expect(() => undoDecision(store, batchId, 'alice')).toThrow(/there is nothing to undo/);
    expect(readLog(store.db, batchId)).toEqual([]);
    expect(readCopies(store.db, batchId)).toEqual(copies);
  });

  it('exports the copies as decided: pages merged, a page turned, a student validated', async () => {
    const { store, batchId, copies } = await plannedBatch();
    const decide = (decision: Decision) => recordDecision(store, batchId, 'alice', decision).copies;
    decide({ kind: 'merge-copies', copyId: copies[1]!.id, intoCopyId: copies[0]!.id });
    decide({ kind: 'assign-student', copyId: copies[0]!.id, student: MARIE });
    decide({ kind: 'validate-copy', copyId: copies[0]!.id });
    const decided = decide({ kind: 'rotate-page', page: copies[3]!.pages[0]!, rotate: 90 });

    const outDir = join(tempDir(), 'decided');
    const manifest = await exportBatch(store, batchId, outDir);
    // The manifest says each reason as data too (core/review), one for one.
    expect(manifest.copies.map(({ reasonCodes: _codes, ...copy }) => copy)).toEqual(decided);
    for (const copy of manifest.copies) expect(copy.reasonCodes).toHaveLength(copy.reasons.length);
    expect(manifest.invariants).toEqual({
      everyPageOnce: true,
      pagesInOrder: true,
      multipleOfFour: true,
      violations: [],
      violationCodes: [],
    });
    const [merged, , annex] = manifest.copies;
    expect(merged).toMatchObject({ status: 'ready', student: MARIE });
    expect(await visibleText(await readFile(join(outDir, merged!.file)))).toEqual([
      'S1 P1',
      'S1 P2',
      'S1 P3',
      'S1 P4',
      'S2 P1',
      'S2 P2',
      'S2 P3',
      'S2 P4',
    ]);
    // The annex, an A4 portrait page, turned a quarter: a viewer shows it landscape.
    const [turned] = await shownPages(await readFile(join(outDir, annex!.file)));
    expect([Math.round(turned!.width), Math.round(turned!.height)]).toEqual([842, 595]);
    expect((await readdir(join(outDir, 'copies'))).sort()).toEqual(
      manifest.copies.map((copy) => copy.file.replace('copies/', '')).sort(),
    );
  });
});
