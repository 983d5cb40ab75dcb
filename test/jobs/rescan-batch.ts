// A stored batch with a rescanned sheet set aside, as the duplicate detector plans it, for the tests of
// what the store and the operator do with set-asides and annexes.
import { importBatch } from '../../core/jobs/import-batch';
import type { ManifestCopy, ManifestRescan } from '../../core/manifest';
import { planStack } from '../../core/pipeline/plan-stack';
import type { Store } from '../../core/store/open-store';
import { savePlan } from '../../core/store/plan-rows';
import { sheetSides } from '../pipeline/fixtures';
import { writeExamDay, writeRoster, writeScan } from '../store/store-fixture';

/**
 * The exam day with SKM1's first sheet scanned again (RESCAN.pdf, file 2, between SKM1 and SKM2, its pages
 * labelled R1 so tests see which scan a copy shows), planned with the rescan set aside as a repeat of the
 * first copy. The exam day's loose A4 page is an annex left to review (`kind: 'annex'`, a copy of its own).
 */
export async function planWithRescan(
  store: Store,
  dir: string,
): Promise<{ batchId: string; planned: ManifestCopy[] }> {
  const [skm1, skm2] = await writeExamDay(dir);
  const rescan = await writeScan(
    dir,
    'RESCAN.pdf',
    sheetSides(1).map((side) => ({ ...side, labels: side.labels.map((l) => l.replace('S1', 'R1')) })),
  );
  const { batch, sources } = await importBatch(store, {
    scans: [skm1!, rescan, skm2!],
    roster: await writeRoster(dir),
  });
  const plan = await planStack(sources, [], { identify: false });
  const [first, , repeat] = plan.copies;
  const rescans: ManifestRescan[] = [
    {
      pages: repeat!.pages.map(({ file, source, half }) => ({ file, source, half })),
      reason: 'duplicate',
      of: first!.id,
    },
  ];
  const planned = plan.copies
    .filter((copy) => copy !== repeat)
    .map((copy) =>
      copy.pages[0]!.half === 'full'
        ? { ...copy, pages: [{ ...copy.pages[0]!, kind: 'annex' as const }] }
        : copy,
    );
  savePlan(store.db, batch.id, { ...plan, copies: planned, rescans }, store.now().toISOString());
  return { batchId: batch.id, planned };
}
