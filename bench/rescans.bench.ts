// Duplicate sheets on generated batches with rescans (one right after its sheet, one at the end of the
// stack, a run of two in a repeat file) and 2–3 sheets per student, some with an empty header: per shape
// and scan resolution, rescanned sides found / missed, sides wrongly taken for the same paper over every
// pair of different papers (must be 0), the similarity range of each, then the same at sheet level
// through matchRescans, and the time per side.
// Run: npx tsx bench/rescans.bench.ts [--students 6] [--dpis 150,200] [--shapes jpeg,compact,bilevel]
import { parseArgs } from 'node:util';
import { alignSides, compareSides } from '../core/identify/fingerprint/compare-sides';
import { matchRescans } from '../core/pipeline/rescan-match';
import { generateBatch } from '../test/generator/generate';
import type { PdfShape } from '../test/generator/types';
import { fingerprintBatch, paperOf, sheetsOf, sideKey } from '../test/identify/fingerprint/batch-prints';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '6' },
    dpis: { type: 'string', default: '150,200' },
    shapes: { type: 'string', default: 'jpeg,compact,bilevel' },
  },
});
const students = Number(values.students);
const dpis = values.dpis.split(',').map(Number);
const shapes = values.shapes.split(',') as PdfShape[];

console.log(`${students} students, 2–3 sheets each, 4 rescanned sheets per batch; sides rendered at 150 dpi`);
console.log(
  'shape   | dpi | sides | rescan sides found/missed | false same (of pairs) | rescan sim min | other sim max |' +
    ' sheets found/missed/false | ms/side print | ms/side compare',
);
let seed = 300;
for (const shape of shapes) {
  for (const dpi of dpis) {
    const batch = await generateBatch({
      seed: seed++,
      shape,
      dpi,
      students,
      present: students,
      sheetsPerStudent: [2, 3],
      blankHeaderFirstSheet: Math.min(2, students),
      duplicateSheets: { atEnd: 1, rightAfter: 1, repeatFile: 2 },
    });
    const sides = await fingerprintBatch(batch);
    let found = 0;
    let missed = 0;
    let falseSame = 0;
    let otherPairs = 0;
    let rescanMin = 1;
    let otherMax = 0;
    for (const [i, later] of sides.entries()) {
      for (const earlier of sides.slice(0, i)) {
        const verdict = compareSides(earlier.print, later.print).verdict;
        const similarity = alignSides(earlier.print, later.print)?.similarity ?? 0;
        if (paperOf(later.truth) === paperOf(earlier.truth)) {
          if (verdict === 'same') found++;
          else missed++;
          rescanMin = Math.min(rescanMin, similarity);
        } else {
          otherPairs++;
          if (verdict === 'same') falseSame++;
          otherMax = Math.max(otherMax, similarity);
        }
      }
    }

    const sheets = sheetsOf(sides);
    const sheetOfSide = new Map(sheets.flatMap((s, index) => s.map((side) => [sideKey(side.truth), index])));
    const truth = new Map(
      sheets.flatMap((s, index) => {
        const first = sheetOfSide.get(paperOf((s[0] as (typeof s)[0]).truth)) as number;
        return first === index ? [] : [[index, first] as const];
      }),
    );
    const start = performance.now();
    const duplicates = matchRescans(sheets.map((s) => ({ sides: s.map((side) => side.print) })));
    const decideMs = performance.now() - start;
    const right = duplicates.filter((d) => truth.get(d.sheet) === d.of).length;

    const printMs = sides.reduce((sum, side) => sum + side.ms, 0) / sides.length;
    console.log(
      [
        shape.padEnd(7),
        String(dpi).padStart(3),
        String(sides.length).padStart(5),
        `${found}/${missed}`.padStart(25),
        `${falseSame} (${otherPairs})`.padStart(21),
        rescanMin.toFixed(3).padStart(14),
        otherMax.toFixed(3).padStart(13),
        `${right}/${truth.size - right}/${duplicates.length - right}`.padStart(25),
        printMs.toFixed(0).padStart(13),
        (decideMs / sides.length).toFixed(1).padStart(15),
      ].join(' | '),
    );
  }
}
