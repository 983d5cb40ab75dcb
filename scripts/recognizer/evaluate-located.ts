// The reader on the cells the pipeline really hands it: generated scanner batches (every PDF shape),
// rendered and cut by core/identify (readSheet: box finder, empty-cell test, page-box digit strips), each
// reading compared with what the student wrote. Complements evaluate.ts, whose cells are cut by the script.
//   npx tsx scripts/recognizer/evaluate-located.ts [--dpi 200] [--students 8] [--shapes jpeg,compact,bilevel]
//     [--engine cnn|tesseract] [--model path]
import { parseArgs } from 'node:util';
import { createRecognizer } from '../../core/identify/recognize/create-recognizer';
import { readSheet } from '../../core/identify/read-sheet';
import { READ_DPI } from '../../core/identify/read-sides';
import type { FieldReading } from '../../core/identify/types';
import { openForRender } from '../../core/pdf/render-page';
import { generateBatch } from '../../test/generator/generate';
import { HANDWRITING_FONTS } from '../../test/generator/handwriting';
import type { PdfShape, TruthSide } from '../../test/generator/types';
import { createTesseractRecognizer } from './tesseract-recognizer';
import { HELD_OUT_FONTS } from './training-fonts';

const { values: args } = parseArgs({
  options: {
    dpi: { type: 'string', default: '200' },
    students: { type: 'string', default: '8' },
    shapes: { type: 'string', default: 'jpeg,compact,bilevel' },
    model: { type: 'string' },
    engine: { type: 'string', default: 'cnn' },
  },
});

interface Tally {
  right: number;
  read: number;
  /**
   * Written characters the reader never saw: a header box the pipeline's ink test called empty, or a page
   * number cut into another count of digit strips than was written.
   */
  missed: number;
}

const tally = (): Tally => ({ right: 0, read: 0, missed: 0 });

/** Roster spelling as one character per box: accents dropped (É is read as E), spaces left as empty boxes. */
function boxes(text: string): string[] {
  return [...text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()];
}

function judge(field: FieldReading, written: string[], into: Tally): void {
  field.cells.forEach((cell, i) => {
    const truth = written[i];
    if (truth === undefined || truth === ' ') return;
    if (cell.empty >= 1) {
      into.missed++;
      return;
    }
    into.read++;
    const best = field.alphabet[cell.probs.indexOf(Math.max(...cell.probs))];
    if (best === truth) into.right++;
  });
}

function percent(t: Tally): string {
  if (t.read === 0) return '–';
  const missed = t.missed > 0 ? ` (+${t.missed} unseen)` : '';
  return `${((100 * t.right) / t.read).toFixed(1)} % of ${t.read}${missed}`;
}

async function main(): Promise<void> {
  const recognizer =
    args.engine === 'tesseract'
      ? await createTesseractRecognizer()
      : await createRecognizer(args.model ? { modelPath: args.model } : {});
  console.log(`engine: ${args.engine}`);
  console.log(`generated at ${args.dpi} dpi, read at ${READ_DPI} dpi`);
  console.log('| shape | font | letters | digits (date) | digits (page box) |');
  console.log('| --- | --- | --- | --- | --- |');
  let seed = 700;
  for (const shape of args.shapes.split(',') as PdfShape[]) {
    for (const font of HANDWRITING_FONTS) {
      const batch = await generateBatch({
        seed: seed++,
        shape,
        dpi: Number(args.dpi),
        students: Number(args.students),
        fonts: [font],
      });
      const documents = await Promise.all(batch.files.map((file) => openForRender(file.bytes)));
      const sideOf = (predicate: (side: TruthSide) => boolean) => batch.truth.sides.find(predicate);
      const render = (side: TruthSide) =>
        (documents[side.file - 1] as Awaited<ReturnType<typeof openForRender>>).render(
          side.source - 1,
          READ_DPI,
        );
      const letters = tally();
      const dates = tally();
      const pageDigits = tally();
      for (const sheet of batch.truth.sheets) {
        const [p1, p2] = sheet.pages;
        const rectoSide = sideOf((side) => side.right === p1);
        const versoSide = sideOf((side) => side.left === p2);
        if (!rectoSide) continue;
        const reading = await readSheet(
          {
            recto: await render(rectoSide),
            verso: versoSide ? await render(versoSide) : null,
            dpi: READ_DPI,
          },
          recognizer,
        );
        const student = batch.roster.students.find((s) => s.email === sheet.student);
        if (reading.header && student && sheet.headerFilled) {
          judge(reading.header.lastName, boxes(student.lastName), letters);
          judge(reading.header.firstName, boxes(student.firstName), letters);
          judge(reading.header.birthDate, boxes(student.birthDate.replace(/\//g, '')), dates);
        }
        sheet.pages.forEach((id, k) => {
          const truth = batch.truth.pages.find((page) => page.id === id)?.pageBox;
          const box = reading.pageBoxes[k];
          if (!truth || !box) return;
          for (const [field, value] of [
            [box.number, truth[0]],
            [box.total, truth[1]],
          ] as const) {
            const digits = [...String(value)];
            if (field.cells.length !== digits.length) {
              pageDigits.missed += digits.length;
              continue;
            }
            judge(field, digits, pageDigits);
          }
        });
      }
      await Promise.all(documents.map((doc) => doc.close()));
      const tag = HELD_OUT_FONTS.includes(font) ? ' (held out)' : '';
      console.log(
        `| ${shape} | ${font}${tag} | ${percent(letters)} | ${percent(dates)} | ${percent(pageDigits)} |`,
      );
    }
  }
  await recognizer.close();
}

await main();
