// Identification on generated batches: per PDF shape and resolution, for one printing of the exam paper
// and a set of handwriting fonts (each student writes in one of them), how many present students end
// `ready` and right, `ready` and WRONG (must be 0), in review, copies mixing two students (must be 0), the
// reader's per-character accuracy on the header cells it cut (letters of NOM / PRÉNOM, digits of the date,
// cells with ink only, accents read as their base letter) and on the page numbers (number and total, read
// as a pair), and the time per sheet. The stack is planned as the pipeline plans it (reading, pairing,
// rescans, matching, segmentation); the copy PDFs are not written.
// Run: npx tsx bench/identify.bench.ts [--students 19] [--dpi 150,200,300] [--shapes jpeg,compact,bilevel]
//        [--printing academie] [--fonts held-out|trained|A,B]
// Every shape is run at every resolution; a total line closes the table.
import { sha256 } from '../core/sha256';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FieldReading, SideReading, SideReadingCache } from '../core/identify/types';
import { halfKey } from '../core/pipeline/copies';
import { loadSources } from '../core/pipeline/load-sources';
import { planStack } from '../core/pipeline/plan-stack';
import { loadRoster } from '../core/roster/load-roster';
import { HELD_OUT_FONTS, TRAINING_HANDWRITING_FONTS } from '../scripts/recognizer/training-fonts';
import { generateBatch } from '../test/generator/generate';
import { HELD_OUT_PRINTING, PRINTING_NAMES, type PrintingName } from '../test/generator/printing';
import type { GeneratedBatch, PdfShape } from '../test/generator/types';
import { writeBatch } from '../test/generator/write-batch';
import { truthByHalf } from '../test/integration/truth-check';

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '19' },
    dpi: { type: 'string', default: '150,200,300' },
    shapes: { type: 'string', default: 'jpeg,compact,bilevel' },
    printing: { type: 'string', default: HELD_OUT_PRINTING },
    fonts: { type: 'string', default: 'held-out' },
    seed: { type: 'string', default: '500' },
  },
});
const students = Number(values.students);
const resolutions = values.dpi.split(',').map(Number);
const shapes = values.shapes.split(',') as PdfShape[];
const printing = values.printing as PrintingName;
if (!PRINTING_NAMES.includes(printing))
  throw new Error(`--printing must be one of ${PRINTING_NAMES.join(', ')}`);
const fonts =
  values.fonts === 'held-out'
    ? [...HELD_OUT_FONTS]
    : values.fonts === 'trained'
      ? [...TRAINING_HANDWRITING_FONTS]
      : values.fonts.split(',');

/** Keeps what the reader read, by the cache's key (`sha256:page`). */
class Readings implements SideReadingCache {
  readonly read = new Map<string, SideReading>();
  get(): undefined {
    return undefined;
  }
  put(key: string, reading: SideReading): void {
    this.read.set(key, reading);
  }
}

interface Tally {
  right: number;
  of: number;
}
const tally = (): Tally => ({ right: 0, of: 0 });
const add = (into: Tally, from: Tally) => {
  into.right += from.right;
  into.of += from.of;
};
const percent = (t: Tally) => (t.of === 0 ? '—' : `${((100 * t.right) / t.of).toFixed(1)} %`);

const SIDE_TIME_LIMIT_MS = 180_000;
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

/** Cells with ink whose best character is the one written. */
function scoreField(field: FieldReading, written: string, into: Tally): void {
  const chars = [...written];
  field.cells.forEach((cell, i) => {
    const expected = chars[i];
    if (expected === undefined || expected === ' ' || cell.empty >= 0.5) return;
    into.of++;
    if (field.alphabet[cell.probs.indexOf(Math.max(...cell.probs))] === expected) into.right++;
  });
}

/** The reader's accuracy on every side of the batch, against the truth. */
function accuracy(batch: GeneratedBatch, readings: Readings) {
  const letters = tally();
  const digits = tally();
  const pages = tally();
  const fileOf = new Map(batch.files.map((file, i) => [sha256(file.bytes), i + 1]));
  const pageById = new Map(batch.truth.pages.map((page) => [page.id, page]));
  const people = [...batch.roster.students, ...(batch.truth.strangers ?? [])];
  for (const [key, reading] of readings.read) {
    const [sha, number] = key.split(':');
    const side = batch.truth.sides.find((s) => s.file === fileOf.get(sha!) && s.source === Number(number));
    if (!side || side.kind !== 'a3') continue;
    // Reading order: recto [P1, P4], verso [P2, P3]; upside down, the halves swap.
    const halves = [side.left, side.right].map((id) => (id === undefined ? undefined : pageById.get(id)));
    for (const truth of halves) {
      if (!truth || truth.sheet === null || truth.pageInSheet === null) continue;
      const slot = truth.pageInSheet === 1 || truth.pageInSheet === 2 ? 0 : 1;
      const box = reading.pageBoxes[slot];
      if (truth.pageBox && box && !box.empty) {
        pages.of++;
        if (box.best.number === truth.pageBox[0] && box.best.total === truth.pageBox[1]) pages.right++;
      }
      const sheet = batch.truth.sheets[truth.sheet];
      if (truth.pageInSheet !== 1 || !reading.header || !sheet?.headerFilled) continue;
      const person = people.find((p) => p.email === sheet.student);
      if (!person) continue;
      scoreField(reading.header.lastName, plain(person.lastName), letters);
      scoreField(reading.header.firstName, plain(person.firstName), letters);
      scoreField(reading.header.birthDate, person.birthDate.replace(/\//g, ''), digits);
    }
  }
  return { letters, digits, pages };
}

console.log(
  `printing ${printing}${printing === HELD_OUT_PRINTING ? ' (held out)' : ''}; fonts ${fonts.join(', ')}; ` +
    `${students} roster students per batch, one sheet fed upside down`,
);
console.log(
  'shape    | dpi | present | ready right | ready WRONG | review | mixed | letters  | digits   | page n/N | s/sheet',
);
const total = {
  present: 0,
  identified: 0,
  wrong: 0,
  mixed: 0,
  letters: tally(),
  digits: tally(),
  pages: tally(),
};
let seed = Number(values.seed);
for (const shape of shapes) {
  for (const dpi of resolutions) {
    const dir = await mkdtemp(join(tmpdir(), 'korrigo-identify-'));
    try {
      const batch = await generateBatch({
        seed: seed++,
        shape,
        dpi,
        students,
        fonts,
        printing,
        upsideDown: 1,
      });
      const written = await writeBatch(batch, dir);
      const start = performance.now();
      const sources = await loadSources(written.scans);
      const roster = await loadRoster(written.roster);
      const readings = new Readings();
      // A side's 20 s limit is for a station; on this shared machine a side may wait longer for a core.
      const { copies } = await planStack(sources, roster.students, {
        sideReadings: readings,
        sideTimeLimitMs: SIDE_TIME_LIMIT_MS,
      });
      const seconds = (performance.now() - start) / 1000;

      const byHalf = truthByHalf(batch.truth);
      const ownerOf = new Map(batch.truth.pages.map((page) => [page.id, page.student]));
      let wrong = 0;
      let review = 0;
      let mixed = 0;
      const identified = new Set<string>();
      for (const copy of copies) {
        const owners = new Set(
          copy.pages.map((p) => ownerOf.get(byHalf.get(halfKey(p.file, p.source, p.half))!)),
        );
        if (owners.size > 1) mixed++;
        const owner = [...owners][0];
        if (copy.status !== 'ready') review++;
        else if (owners.size === 1 && copy.student?.email === owner) identified.add(owner!);
        else wrong++;
      }
      const present = new Set(batch.truth.sheets.map((s) => s.student)).size;
      const { letters, digits, pages } = accuracy(batch, readings);
      console.log(
        [
          shape.padEnd(8),
          String(dpi).padStart(3),
          String(present).padStart(7),
          `${identified.size} (${Math.round((100 * identified.size) / present)} %)`.padStart(11),
          String(wrong).padStart(11),
          String(review).padStart(6),
          String(mixed).padStart(5),
          percent(letters).padStart(8),
          percent(digits).padStart(8),
          percent(pages).padStart(8),
          (seconds / batch.truth.sheets.length).toFixed(2).padStart(7),
        ].join(' | '),
      );
      total.present += present;
      total.identified += identified.size;
      total.wrong += wrong;
      total.mixed += mixed;
      add(total.letters, letters);
      add(total.digits, digits);
      add(total.pages, pages);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
const share = (n: number, of: number) => `${n} of ${of} (${Math.round((100 * n) / Math.max(1, of))} %)`;
console.log(
  `total: ${share(total.identified, total.present)} present students auto-identified, ` +
    `${total.wrong} ready and WRONG, ${total.mixed} mixed copies; letters ${percent(total.letters)} of ` +
    `${total.letters.of}, date digits ${percent(total.digits)} of ${total.digits.of}, page n/N pairs ` +
    `${percent(total.pages)} of ${total.pages.of}`,
);
