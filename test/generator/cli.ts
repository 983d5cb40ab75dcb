// Writes a synthetic scanner batch to a folder, for benchmarks and for looking at:
//   npx tsx test/generator/cli.ts --seed 1 --shape compact --dpi 300 --students 30 --out DIR
// DIR receives SKM1.pdf… (and annexes.pdf when asked for), eleves.csv (Pronote, UTF-8), eleves-win1252.csv and truth.json (BatchTruth).
import type { PrintingName } from './printing';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KorrigoError, isKorrigoError } from '../../core/errors';
import { generateBatch } from './generate';
import type { GenerateOptions, PdfShape } from './types';

const USAGE = `Usage: npx tsx test/generator/cli.ts --out DIR [options]
  --seed N             random seed (default 1)
  --shape S            jpeg | compact | bilevel (default compact)
  --dpi N              resolution of the scan (default 300)
  --students N         roster size (default 30)
  --present N          students who hand in a copy (default: all but ~10 %)
  --sheets MIN-MAX     sheets per student (default 1-3)
  --files N            split the stack over N files (default 1)
  --a4-pages N         loose A4 pages between sheets (default 0)
  --drop-last-verso    leave out the very last verso
  --rotate R           jpeg shape: /Rotate 0 | 90 | 180 | 270
  --inherit-rotate     put /Rotate on the page tree
  --fonts A,B          handwriting font families (default: all)
  --printing NAME      how the exam paper is printed: ccyc (default), candidat, inscription, grid, academie
Scan-room faults (counts, default 0; see GenerateOptions in types.ts):
  --upside-down N                 sheets fed upside down
  --verso-first N                 sheets fed verso first
  --upside-down-verso-first N     sheets fed verso first and upside down
  --rescan-at-end N               sheets rescanned at the end of the stack
  --rescan-right-after N          sheets rescanned right after themselves
  --repeat-file N                 a run of N sheets rescanned into one more SKM file
  --dropped-blank-sides N         last versos left blank and dropped by the scanner
  --missing-sheets N              sheets lost before scanning
  --annexes-after-copy N          annex pages right after their copy
  --annexes-in-stack N            annex pages anywhere in the stack
  --annexes-file N                annex pages in annexes.pdf
  --strangers N                   copies of people not on the roster
  --blank-header-first-sheet N    students who left their first header empty
  --twins N                       pairs of twins (and of siblings) on the roster`;

const FAULT_FLAGS = [
  'upside-down',
  'verso-first',
  'upside-down-verso-first',
  'rescan-at-end',
  'rescan-right-after',
  'repeat-file',
  'dropped-blank-sides',
  'missing-sheets',
  'annexes-after-copy',
  'annexes-in-stack',
  'annexes-file',
  'strangers',
  'blank-header-first-sheet',
  'twins',
] as const;
type FaultFlag = (typeof FAULT_FLAGS)[number];

function optionsFrom(argv: string[]): { out: string; options: GenerateOptions } {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      shape: { type: 'string', default: 'compact' },
      dpi: { type: 'string', default: '300' },
      students: { type: 'string', default: '30' },
      present: { type: 'string' },
      sheets: { type: 'string' },
      files: { type: 'string' },
      'a4-pages': { type: 'string' },
      'drop-last-verso': { type: 'boolean' },
      rotate: { type: 'string' },
      'inherit-rotate': { type: 'boolean' },
      fonts: { type: 'string' },
      printing: { type: 'string' },
      help: { type: 'boolean' },
      ...(Object.fromEntries(FAULT_FLAGS.map((flag) => [flag, { type: 'string' }])) as Record<
        FaultFlag,
        { type: 'string' }
      >),
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.out) throw new KorrigoError('bad-arguments', '--out DIR is required.', { hint: USAGE });
  const int = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    if (!/^-?\d+$/.test(text))
      throw new KorrigoError('bad-arguments', `--${name} must be an integer, got "${text}".`);
    return Number(text);
  };
  const sheets = values.sheets?.match(/^(\d+)-(\d+)$/);
  if (values.sheets !== undefined && !sheets) {
    throw new KorrigoError('bad-arguments', `--sheets must look like 1-3, got "${values.sheets}".`);
  }
  return {
    out: values.out,
    options: {
      seed: int('seed', values.seed) as number,
      shape: values.shape as PdfShape,
      dpi: int('dpi', values.dpi) as number,
      students: int('students', values.students) as number,
      present: int('present', values.present),
      sheetsPerStudent: sheets ? [Number(sheets[1]), Number(sheets[2])] : undefined,
      files: int('files', values.files),
      a4Pages: int('a4-pages', values['a4-pages']),
      dropLastVerso: values['drop-last-verso'],
      rotate: int('rotate', values.rotate) as GenerateOptions['rotate'],
      inheritRotate: values['inherit-rotate'],
      fonts: values.fonts?.split(',').map((f) => f.trim()),
      ...(values.printing ? { printing: values.printing as PrintingName } : {}),
      ...faultOptions((flag) => int(flag, values[flag])),
    },
  };
}

function faultOptions(
  count: (flag: (typeof FAULT_FLAGS)[number]) => number | undefined,
): Partial<GenerateOptions> {
  return {
    upsideDown: count('upside-down'),
    versoFirst: count('verso-first'),
    upsideDownVersoFirst: count('upside-down-verso-first'),
    duplicateSheets: {
      atEnd: count('rescan-at-end'),
      rightAfter: count('rescan-right-after'),
      repeatFile: count('repeat-file'),
    },
    droppedBlankSides: count('dropped-blank-sides'),
    missingSheets: count('missing-sheets'),
    annexes: {
      afterCopy: count('annexes-after-copy'),
      inStack: count('annexes-in-stack'),
      ownFile: count('annexes-file'),
    },
    strangers: count('strangers'),
    blankHeaderFirstSheet: count('blank-header-first-sheet'),
    twins: count('twins'),
  };
}

async function main(): Promise<void> {
  const { out, options } = optionsFrom(process.argv.slice(2));
  const started = performance.now();
  const batch = await generateBatch(options);
  const seconds = (performance.now() - started) / 1000;
  await mkdir(out, { recursive: true });
  for (const file of batch.files) await writeFile(join(out, file.name), file.bytes);
  await writeFile(join(out, 'eleves.csv'), batch.roster.csvUtf8);
  await writeFile(join(out, 'eleves-win1252.csv'), batch.roster.csvWin1252);
  await writeFile(join(out, 'truth.json'), JSON.stringify(batch.truth, null, 2) + '\n');
  const bytes = batch.files.reduce((sum, f) => sum + f.bytes.length, 0);
  const sides = batch.truth.sides.length;
  console.log(
    `${batch.files.length} file(s), ${sides} sides, ${batch.truth.sheets.length} sheets, ` +
      `${batch.truth.pages.length} pages in ${out} — generated in ${seconds.toFixed(1)} s, ` +
      `${Math.round(bytes / sides / 1024)} KB per side`,
  );
}

main().catch((error: unknown) => {
  if (isKorrigoError(error) || (error instanceof TypeError && 'code' in error)) {
    // Bad options (ours, or parseArgs' ERR_PARSE_ARGS_*): one line, no stack trace.
    console.error(`error: ${error.message}`);
    if (isKorrigoError(error) && error.hint) console.error(error.hint);
    process.exit(isKorrigoError(error) ? error.exitCode : 2);
  }
  throw error;
});
