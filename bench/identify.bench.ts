// Identification on generated batches: per PDF shape and per handwriting font (the two fonts the reader
// never trained on reported apart), how many present students end `ready` and right, `ready` and WRONG
// (must be 0), in review, copies mixing two students (must be 0), and the time per sheet.
// Run: npx tsx bench/identify.bench.ts [--students 30] [--dpi 150,200,300] [--shapes jpeg,compact,bilevel]
// With several resolutions, batch k of each shape is generated at the k-th one, round robin; a total line
// closes the table.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { halfKey } from '../core/pipeline/copies';
import { processBatch } from '../core/jobs/process-scans';
import { HELD_OUT_FONTS } from '../scripts/recognizer/training-fonts';
import { generateBatch } from '../test/generator/generate';
import { HANDWRITING_FONTS } from '../test/generator/handwriting';
import { writeBatch } from '../test/generator/write-batch';
import type { PdfShape } from '../test/generator/types';
import { truthByHalf } from '../test/integration/truth-check';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '30' },
    dpi: { type: 'string', default: '150,200,300' },
    shapes: { type: 'string', default: 'jpeg,compact,bilevel' },
  },
});
const students = Number(values.students);
const resolutions = values.dpi.split(',').map(Number);
const shapes = values.shapes.split(',') as PdfShape[];

console.log(`${students} roster students per batch, one font per batch, one sheet fed upside down`);
console.log(
  'shape    | font           | held out | dpi | present | ready right | ready WRONG | review | mixed | s/sheet',
);
const total = { present: 0, identified: 0, wrong: 0, mixed: 0, heldOutPresent: 0, heldOutIdentified: 0 };
let seed = 100;
for (const shape of shapes) {
  for (const [k, font] of HANDWRITING_FONTS.entries()) {
    const dpi = resolutions[k % resolutions.length]!;
    const dir = await mkdtemp(join(tmpdir(), 'korrigo-identify-'));
    try {
      const batch = await generateBatch({ seed: seed++, shape, dpi, students, fonts: [font], upsideDown: 1 });
      const { scans, roster } = await writeBatch(batch, dir);
      const start = performance.now();
      const manifest = await processBatch({ scans, roster, outDir: join(dir, 'out') });
      const seconds = (performance.now() - start) / 1000;

      const byHalf = truthByHalf(batch.truth);
      const ownerOf = new Map(batch.truth.pages.map((page) => [page.id, page.student]));
      let wrong = 0;
      let review = 0;
      let mixed = 0;
      const identified = new Set<string>();
      for (const copy of manifest.copies) {
        const owners = new Set(
          copy.pages.map((p) => ownerOf.get(byHalf.get(halfKey(p.file, p.source, p.half))!)),
        );
        if (owners.size > 1) mixed++;
        const owner = [...owners][0];
        if (copy.status !== 'ready') review++;
        else if (copy.student?.email === owner) identified.add(owner!);
        else wrong++;
      }
      const present = new Set(batch.truth.sheets.map((s) => s.student)).size;
      console.log(
        [
          shape.padEnd(8),
          font.padEnd(14),
          (HELD_OUT_FONTS.includes(font) ? 'yes' : 'no').padEnd(8),
          String(dpi).padStart(3),
          String(present).padStart(7),
          `${identified.size} (${Math.round((100 * identified.size) / present)} %)`.padStart(11),
          String(wrong).padStart(11),
          String(review).padStart(6),
          String(mixed).padStart(5),
          (seconds / batch.truth.sheets.length).toFixed(2).padStart(7),
        ].join(' | '),
      );
      total.present += present;
      total.identified += identified.size;
      total.wrong += wrong;
      total.mixed += mixed;
      if (HELD_OUT_FONTS.includes(font)) {
        total.heldOutPresent += present;
        total.heldOutIdentified += identified.size;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
const share = (n: number, of: number) => `${n} of ${of} (${Math.round((100 * n) / Math.max(1, of))} %)`;
console.log(
  `total: ${share(total.identified, total.present)} present students auto-identified, ` +
    `${total.wrong} ready and WRONG, ${total.mixed} mixed copies; held-out fonts ` +
    share(total.heldOutIdentified, total.heldOutPresent),
);
