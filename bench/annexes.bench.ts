// A4 annexes on generated batches, per PDF shape: each loose A4 page read by its own frame and placed by
// core/pipeline/annexes.ts against the copies identification planned. Counts annexes attached to their
// student's copy (right), attached to anyone else's (WRONG, must be 0), left to review; loose forms of
// nobody's taken for annexes (must be 0) and annexes whose frame was not found; and what the manifest
// invariants (core/pipeline/invariants.ts) say of the copies with their annexes.
// Run: npx tsx bench/annexes.bench.ts [--students 30] [--dpi 200] [--shapes jpeg,compact,bilevel] [--seeds 1]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readAnnexHeader } from '../core/identify/annex/annex-header';
import { READ_DPI } from '../core/identify/read-sides';
import { createRecognizer } from '../core/identify/recognize/create-recognizer';
import { placeAnnexes, type AnnexPage } from '../core/pipeline/annexes';
import type { Half } from '../core/manifest';
import { halfKey } from '../core/pipeline/copies';
import { checkInvariants } from '../core/pipeline/invariants';
import { describeSource, loadSources } from '../core/pipeline/load-sources';
import { planStack } from '../core/pipeline/plan-stack';
import { pageLabel } from '../core/pipeline/stack';
import { openForRender } from '../core/pdf/render-page';
import { parseRoster } from '../core/roster/load-roster';
import { generateBatch } from '../test/generator/generate';
import type { PdfShape } from '../test/generator/types';
import { writeBatch } from '../test/generator/write-batch';
import { truthByHalf } from '../test/integration/truth-check';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '30' },
    dpi: { type: 'string', default: '200' },
    shapes: { type: 'string', default: 'jpeg,compact,bilevel' },
    seeds: { type: 'string', default: '1' },
  },
});
const students = Number(values.students);
const dpi = Number(values.dpi);
const shapes = values.shapes.split(',') as PdfShape[];
const seeds = Number(values.seeds);
const ANNEXES = { afterCopy: 3, inStack: 3, ownFile: 3 };
const LOOSE_FORMS = 2;

console.log(
  `${students} roster students, ${dpi} dpi, per batch ${ANNEXES.afterCopy} + ${ANNEXES.inStack} + ` +
    `${ANNEXES.ownFile} annexes (after the copy, in the stack, own file) and ${LOOSE_FORMS} loose forms`,
);
console.log(
  'shape    | seed | annexes | right | WRONG | review | no frame | form taken | s/annex | invariants broken',
);
const recognizer = await createRecognizer();
try {
  for (const shape of shapes) {
    for (let seed = 1; seed <= seeds; seed++) {
      const dir = await mkdtemp(join(tmpdir(), 'korrigo-annexes-'));
      try {
        const batch = await generateBatch({
          seed: 500 + seed,
          shape,
          dpi,
          students,
          a4Pages: LOOSE_FORMS,
          annexes: ANNEXES,
        });
        const { scans } = await writeBatch(batch, dir);
        const sources = await loadSources(scans);
        const roster = parseRoster(batch.roster.csvUtf8, 'eleves.csv').students;
        const plan = await planStack(sources, roster);

        const start = performance.now();
        const annexes: AnnexPage[] = [];
        let formsTaken = 0;
        const byHalf = truthByHalf(batch.truth);
        const pageOwner = new Map(batch.truth.pages.map((p) => [p.id, p.student]));
        const owner = (p: { file: number; source: number; half: Half }) =>
          pageOwner.get(byHalf.get(halfKey(p.file, p.source, p.half)) as number) ?? null;
        const docs = await Promise.all(sources.map((source) => openForRender(source.bytes)));
        for (const unit of plan.units) {
          if (unit.kind !== 'loose-page') continue;
          const { page } = unit;
          const image = await docs[page.file - 1]!.render(page.source - 1, READ_DPI);
          const reading = await readAnnexHeader(image, READ_DPI, recognizer);
          if (!reading) continue;
          if (owner({ ...page, half: 'full' }) === null) formsTaken++;
          annexes.push({ file: page.file, source: page.source, label: pageLabel(page), ...reading });
        }
        await Promise.all(docs.map((doc) => doc.close()));
        const { copies, placements } = placeAnnexes(plan.copies, annexes, roster);
        const seconds = (performance.now() - start) / 1000;
        const { violations } = checkInvariants(sources.map(describeSource), plan.stack, copies);

        const truthAnnexes = batch.truth.annexes ?? [];
        let right = 0;
        let wrong = 0;
        let review = 0;
        for (const placement of placements) {
          const annexOwner = owner({ ...placement, half: 'full' });
          if (placement.kind === 'review') {
            if (annexOwner !== null) review++;
            continue;
          }
          // Whose the copy is by its first page: a copy mixing students is identification's error, not this.
          const first = copies.find((c) => c.id === placement.copy)?.pages[0];
          if (annexOwner !== null && first && owner(first) === annexOwner) right++;
          else wrong++;
        }
        const noFrame = truthAnnexes.length - (annexes.length - formsTaken);
        console.log(
          [
            shape.padEnd(8),
            String(500 + seed).padStart(4),
            String(truthAnnexes.length).padStart(7),
            String(right).padStart(5),
            String(wrong).padStart(5),
            String(review).padStart(6),
            String(noFrame).padStart(8),
            String(formsTaken).padStart(10),
            (seconds / Math.max(1, annexes.length)).toFixed(2).padStart(7),
            String(violations.length).padStart(17),
          ].join(' | '),
        );
        for (const violation of violations) console.log(`    invariant: ${violation}`);
        for (const p of placements) {
          if (p.kind === 'review') console.log(`    in review, ${p.reasons.join('; ')}`);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
} finally {
  await recognizer.close();
}
