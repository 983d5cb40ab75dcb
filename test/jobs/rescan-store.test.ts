// Rescans set aside and annexes through the store: planned, exported in the manifest, swapped by the
// operator (undo and redo included), with the invariants checked on what is exported.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBatch } from '../../core/jobs/export-batch';
import { recordDecision, redoDecision, undoDecision } from '../../core/jobs/operator-decisions';
import type { ManifestCopy } from '../../core/manifest';
import { findBatch } from '../../core/store/batch-rows';
import { readCopies } from '../../core/store/copy-rows';
import type { Store } from '../../core/store/open-store';
import { readRescans } from '../../core/store/rescan-rows';
import { visibleText } from '../pipeline/pdf-inspect';
import { useTempDir } from '../pipeline/temp-dir';
import { FIXED_NOW, useStores } from '../store/store-fixture';
import { planWithRescan } from './rescan-batch';
import { expectReplayable } from './replay-check';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

const ALL_HOLD = {
  everyPageOnce: true,
  pagesInOrder: true,
  multipleOfFour: true,
  violations: [],
  violationCodes: [],
};

async function batchWithRescan(): Promise<{ store: Store; batchId: string; planned: ManifestCopy[] }> {
  const store = openTestStore({ now: FIXED_NOW });
  return { store, ...(await planWithRescan(store, tempDir())) };
}

const shown = async (outDir: string, copy: ManifestCopy) =>
  visibleText(await readFile(join(outDir, copy.file)));

/** The store keeps the English reasons; the manifest adds their codes (core/review). */
const withoutCodes = ({ reasonCodes: _codes, ...copy }: ManifestCopy) => copy;

describe('set-aside rescans and annexes in the store', () => {
  it('keeps the planned set-aside and page kinds, and exports them with invariants that hold', async () => {
    const { store, batchId, planned } = await batchWithRescan();
    const manifest = await exportBatch(store, batchId, join(tempDir(), 'out'));

    expect(manifest.copies.map(withoutCodes)).toEqual(planned);
    expect(manifest.copies[3]!.pages).toEqual([
      { file: 3, source: 3, half: 'full', rotate: 0, blank: false, kind: 'annex' },
    ]);
    expect(manifest.setAside).toEqual([
      {
        pages: [
          { file: 2, source: 1, half: 'right' },
          { file: 2, source: 2, half: 'left' },
          { file: 2, source: 2, half: 'right' },
          { file: 2, source: 1, half: 'left' },
        ],
        reason: 'duplicate',
        of: planned[0]!.id,
      },
    ]);
    expect(findBatch(store.db, batchId)!.plannedRescans).toEqual(manifest.setAside);
    expect(manifest.invariants).toEqual(ALL_HOLD);
  });

  it('swaps the rescan in and the first scan out, exports it, and undoes and redoes the swap', async () => {
    const { store, batchId, planned } = await batchWithRescan();
    const plannedRescans = readRescans(store.db, batchId);
    const outDir = join(tempDir(), 'out');
    const swapped = recordDecision(store, batchId, 'alice', {
      kind: 'keep-rescan',
      setAside: { file: 2, source: 1, half: 'right' },
      replaces: planned[0]!.pages[0]!,
    });
    const kept = swapped.copies[0]!;
    expect(kept.id).not.toBe(planned[0]!.id);
    const firstScan = planned[0]!.pages.map(({ file, source, half }) => ({ file, source, half }));
    expect(swapped.rescans).toEqual([{ pages: firstScan, reason: 'duplicate', of: kept.id }]);
    expectReplayable(store, batchId);

    const manifest = await exportBatch(store, batchId, outDir);
    expect(manifest.copies.map(withoutCodes)).toEqual(swapped.copies);
    expect(manifest.setAside).toEqual(swapped.rescans);
    expect(manifest.invariants).toEqual(ALL_HOLD);
    expect(await shown(outDir, kept)).toEqual(['R1 P1', 'R1 P2', 'R1 P3', 'R1 P4']);

    const undone = undoDecision(store, batchId, 'bob');
    expect(undone.copies).toEqual(planned);
    expect(undone.rescans).toEqual(plannedRescans);
    expect(readRescans(store.db, batchId)).toEqual(plannedRescans);
    expectReplayable(store, batchId);
    const again = await exportBatch(store, batchId, outDir);
    expect(again.invariants).toEqual(ALL_HOLD);
    expect(await shown(outDir, again.copies[0]!)).toEqual(['S1 P1', 'S1 P2', 'S1 P3', 'S1 P4']);

    const redone = redoDecision(store, batchId, 'alice');
    expect({ copies: redone.copies, rescans: redone.rescans }).toEqual({
      copies: swapped.copies,
      rescans: swapped.rescans,
    });
    expect(readCopies(store.db, batchId)).toEqual(swapped.copies);
    expectReplayable(store, batchId);
  });

  it('moves an annex into a copy as an annex: stored with its kind, outside the multiple-of-4 rule', async () => {
    const { store, batchId, planned } = await batchWithRescan();
    const annex = planned[3]!.pages[0]!;
    recordDecision(store, batchId, 'alice', {
      kind: 'move-page',
      page: annex,
      toCopyId: planned[2]!.id,
      toIndex: 4,
    });
    const manifest = await exportBatch(store, batchId, join(tempDir(), 'out'));
    expect(manifest.copies[2]!.pages.at(-1)).toEqual(annex);
    expect(manifest.copies[2]!.reasons.join()).not.toMatch(/multiple of 4/);
    expect(manifest.invariants).toEqual(ALL_HOLD);
    expectReplayable(store, batchId);
  });

  it('refuses, in the database itself, a half both set aside and in a copy, and a set-aside of no copy', async () => {
    const { store, batchId, planned } = await batchWithRescan();
    const insertPage = (
      table: string,
      page: { file: number; source: number; half: string },
      owner: string | number,
    ) =>
      store.db
        .prepare(
          table === 'copy_pages'
            ? `INSERT INTO copy_pages (batch_id, copy_id, ordinal, file, source, half, rotate, blank) VALUES (?, ?, 99, ?, ?, ?, 0, 0)`
            : `INSERT INTO set_aside_pages (batch_id, set_aside, ordinal, file, source, half) VALUES (?, ?, 99, ?, ?, ?)`,
        )
        .run(batchId, owner, page.file, page.source, page.half);
    expect(() => insertPage('copy_pages', { file: 2, source: 1, half: 'right' }, planned[1]!.id)).toThrow(
      /a half in a copy is also set aside/,
    );
    expect(() => insertPage('set_aside_pages', planned[1]!.pages[0]!, 0)).toThrow(
      /a half set aside is also in a copy/,
    );
    expect(() =>
      store.db
        .prepare(
          `INSERT INTO set_asides (batch_id, ordinal, reason, of_copy) VALUES (?, 1, 'duplicate', 'nope')`,
        )
        .run(batchId),
    ).toThrow(/FOREIGN KEY/);
  });
});
