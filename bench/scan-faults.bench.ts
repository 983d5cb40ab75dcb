// A batch with one of each scan-room fault, per PDF shape, processed end to end: how many copies end ready
// (and right), how many in review and why, whether any copy mixes students or holds a page twice, and
// whether the rescans were set aside and the annexes attached.
// Run: npx tsx bench/scan-faults.bench.ts [--students 12] [--dpi 200] [--shapes jpeg,compact,bilevel]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Half } from '../core/manifest';
import { halfKey } from '../core/pipeline/copies';
import { processBatch } from '../core/jobs/process-scans';
import { generateBatch } from '../test/generator/generate';
import type { PdfShape } from '../test/generator/types';
import { writeBatch } from '../test/generator/write-batch';
import { truthByHalf } from '../test/integration/truth-check';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '12' },
    dpi: { type: 'string', default: '200' },
    shapes: { type: 'string', default: 'jpeg,compact,bilevel' },
  },
});

console.log(
  `${values.students} students, ${values.dpi} dpi; faults: upside down, verso first, upside down and verso ` +
    'first, a rescan right after, a rescan at the end, 2 sheets rescanned into a second file, a dropped ' +
    'blank verso, a lost sheet, annexes after a copy / in the stack / in their own file',
);
console.log(
  'shape    | copies | ready right | ready WRONG | review | mixed | doubled | set aside | annexes attached | s',
);
let seed = 300;
for (const shape of values.shapes.split(',') as PdfShape[]) {
  const dir = await mkdtemp(join(tmpdir(), 'korrigo-faults-'));
  try {
    const batch = await generateBatch({
      seed: seed++,
      shape,
      dpi: Number(values.dpi),
      students: Number(values.students),
      sheetsPerStudent: [1, 3],
      upsideDown: 1,
      versoFirst: 1,
      upsideDownVersoFirst: 1,
      duplicateSheets: { rightAfter: 1, atEnd: 1, repeatFile: 2 },
      droppedBlankSides: 1,
      missingSheets: 1,
      annexes: { afterCopy: 1, inStack: 1, ownFile: 1 },
    });
    const { scans, roster } = await writeBatch(batch, dir);
    const start = performance.now();
    const manifest = await processBatch({ scans, roster, outDir: join(dir, 'out') });
    const seconds = (performance.now() - start) / 1000;

    const byHalf = truthByHalf(batch.truth);
    const pageById = new Map(batch.truth.pages.map((page) => [page.id, page]));
    const idOf = (p: { file: number; source: number; half: Half }) =>
      byHalf.get(halfKey(p.file, p.source, p.half))!;
    let right = 0;
    let wrong = 0;
    let mixed = 0;
    const reasons = new Map<string, number>();
    for (const copy of manifest.copies) {
      const owners = new Set(copy.pages.map((p) => pageById.get(idOf(p))!.student));
      if (owners.size > 1) mixed++;
      if (copy.status === 'ready') {
        if (copy.student?.email === [...owners][0]) right++;
        else wrong++;
      }
      for (const reason of copy.reasons) {
        const kind = reason.replace(/SKM\d+\.pdf page \d+|the sheet at [^:]+|\d+/g, '…');
        reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
      }
    }
    const inCopies = manifest.copies.flatMap((copy) => copy.pages.map(idOf));
    const doubled = inCopies.length - new Set(inCopies).size;
    const setAside = (manifest.setAside ?? []).flatMap((entry) => entry.pages.map(idOf));
    const rescans = batch.truth.pages.filter((page) => page.duplicateOf !== undefined).length;
    const rightlySetAside = setAside.filter((id) => pageById.get(id)!.duplicateOf !== undefined).length;
    const annexes = batch.truth.annexes ?? [];
    const attached = annexes.filter((annex) =>
      manifest.copies.some(
        (copy) => copy.student?.email === annex.student && copy.pages.some((p) => idOf(p) === annex.page),
      ),
    ).length;
    console.log(
      [
        shape.padEnd(8),
        String(manifest.copies.length).padStart(6),
        String(right).padStart(11),
        String(wrong).padStart(11),
        String(manifest.copies.length - right - wrong).padStart(6),
        String(mixed).padStart(5),
        String(doubled).padStart(7),
        `${rightlySetAside}/${rescans} (+${setAside.length - rightlySetAside} wrong)`.padStart(9),
        `${attached}/${annexes.length}`.padStart(16),
        seconds.toFixed(0),
      ].join(' | '),
    );
    for (const [reason, count] of reasons) console.log(`           review reason ×${count}: ${reason}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
