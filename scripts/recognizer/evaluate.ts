// Measures cell readers on synthetic cells none of them trained on, per font (held-out fonts apart),
// letters and digits apart: top-1 and top-3 accuracy, calibration of the probabilities, empty-box detection
// and time per cell.
//   npx tsx scripts/recognizer/evaluate.ts [--engines cnn,tesseract] [--rows 40] [--seed 1000] [--model path]
// Cells come from two hands: the scan generator's writer rendered by librsvg (what the identification
// benchmark's batches carry) and the training glyph bank (for fonts training never read, the held-out
// @fontsource hands, and MNIST's held-out digits). Run it with --model on the old and the new file to
// compare two models on the very same cells (the same --seed and --rows give the same cells).
import { parseArgs } from 'node:util';
import { createRecognizer } from '../../core/identify/recognize/create-recognizer';
import type { Recognizer } from '../../core/identify/recognize/recognizer';
import { DIGIT_ALPHABET, NAME_ALPHABET, type CellReading } from '../../core/identify/types';
import { HANDWRITING_FONTS } from '../../test/generator/handwriting';
import { score, type Judged, type Scores } from './metrics';
import { synthesizeCellSet, type Penmanship, type SynthCell } from './synth/cell-set';
import { useTrainingFonts } from './synth/training-fontconfig';
import { MNIST_HELD_OUT } from './synth/mnist-hands';
import { createTesseractRecognizer } from './tesseract-recognizer';
import { CALIBRATION_FONTS, HELD_OUT_FONTS, HELD_OUT_FONTSOURCE_FONTS } from './training-fonts';

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'cnn,tesseract' },
    rows: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1000' },
    model: { type: 'string' },
  },
});

type Category = 'training font' | 'held-out font' | 'calibration font';

interface Group {
  label: string;
  category: Category;
  cells: SynthCell[];
}

const KINDS = [
  ['letters', NAME_ALPHABET],
  ['digits', DIGIT_ALPHABET],
] as const;
type Kind = (typeof KINDS)[number][0];

/** What one engine made of one kind of cell of one group. */
interface Outcome {
  judged: Judged[];
  empties: number;
  /** Empty boxes read as empty (empty > 0.5). */
  emptyFound: number;
  written: number;
  /** Written boxes read as empty. */
  falseEmpty: number;
  cells: number;
  wallMs: number;
  cpuMs: number;
}

function ranked(reading: CellReading, alphabet: string): { label: string; p: number }[] {
  return [...alphabet]
    .map((label, i) => ({ label, p: reading.probs[i] as number }))
    .sort((a, b) => b.p - a.p);
}

async function measure(recognizer: Recognizer, cells: SynthCell[], alphabet: string): Promise<Outcome> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const readings = await recognizer.read(
    cells.map((c) => c.cell),
    alphabet,
  );
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const outcome: Outcome = {
    judged: [],
    empties: 0,
    emptyFound: 0,
    written: 0,
    falseEmpty: 0,
    cells: cells.length,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
  };
  cells.forEach((c, i) => {
    const reading = readings[i] as CellReading;
    if (c.label === '') {
      outcome.empties++;
      if (reading.empty > 0.5) outcome.emptyFound++;
    } else {
      outcome.written++;
      if (reading.empty > 0.5) outcome.falseEmpty++;
      outcome.judged.push({ truth: c.label, ranked: ranked(reading, alphabet) });
    }
  });
  return outcome;
}

function merge(outcomes: readonly Outcome[]): Outcome {
  const sum = (pick: (o: Outcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
  return {
    judged: outcomes.flatMap((o) => o.judged),
    empties: sum((o) => o.empties),
    emptyFound: sum((o) => o.emptyFound),
    written: sum((o) => o.written),
    falseEmpty: sum((o) => o.falseEmpty),
    cells: sum((o) => o.cells),
    wallMs: sum((o) => o.wallMs),
    cpuMs: sum((o) => o.cpuMs),
  };
}

function percent(value: number): string {
  return (100 * value).toFixed(1);
}

const HEADER =
  '| engine | cells | kind | n | top-1 % | top-3 % | mean conf % | ECE % | NLL | empty found % | written read as empty % | ms/cell (CPU) |';

function line(engine: string, label: string, kind: Kind, outcome: Outcome): string {
  const chars: Scores = score(outcome.judged);
  const ms = (total: number) => (total / Math.max(1, outcome.cells)).toFixed(2);
  return (
    `| ${engine} | ${label} | ${kind} | ${chars.cells} | ${percent(chars.top1)} | ${percent(chars.top3)} | ` +
    `${percent(chars.confidence)} | ${percent(chars.ece)} | ${chars.nll.toFixed(2)} | ` +
    `${percent(outcome.emptyFound / Math.max(1, outcome.empties))} | ` +
    `${percent(outcome.falseEmpty / Math.max(1, outcome.written))} | ${ms(outcome.wallMs)} (${ms(outcome.cpuMs)}) |`
  );
}

async function cellsOf(fonts: readonly string[], penmanship: Penmanship, seed: number): Promise<SynthCell[]> {
  return synthesizeCellSet({ seed, fonts, rowsPerFont: Number(args.rows), penmanship });
}

async function makeGroups(seed: number): Promise<Group[]> {
  const groups: Group[] = [];
  for (const font of HANDWRITING_FONTS) {
    const heldOut = HELD_OUT_FONTS.includes(font);
    groups.push({
      label: `${font}${heldOut ? ' (held out)' : ''}, generator writer`,
      category: heldOut ? 'held-out font' : 'training font',
      cells: await cellsOf([font], 'generator-writer', seed),
    });
  }
  for (const font of [...HELD_OUT_FONTS, ...HELD_OUT_FONTSOURCE_FONTS, MNIST_HELD_OUT]) {
    groups.push({
      label: `${font} (held out), glyph bank`,
      category: 'held-out font',
      cells: await cellsOf([font], 'glyph-bank', seed + 1),
    });
  }
  groups.push({
    label: `${CALIBRATION_FONTS.join(' + ')} (calibration), generator writer`,
    category: 'calibration font',
    cells: await cellsOf(CALIBRATION_FONTS, 'generator-writer', seed + 2),
  });
  return groups;
}

async function startEngine(engine: string): Promise<Recognizer> {
  if (engine === 'cnn') return createRecognizer(args.model ? { modelPath: args.model } : {});
  if (engine === 'tesseract') return createTesseractRecognizer();
  throw new Error(`Unknown engine ${engine}: use cnn or tesseract.`);
}

async function main(): Promise<void> {
  useTrainingFonts();
  const groups = await makeGroups(Number(args.seed));
  console.log(HEADER);
  console.log(HEADER.replace(/[^|]+/g, ' --- '));
  for (const engine of args.engines.split(',')) {
    const recognizer = await startEngine(engine);
    const byCategory = new Map<string, Outcome[]>();
    for (const group of groups) {
      for (const [kind, alphabet] of KINDS) {
        const outcome = await measure(
          recognizer,
          group.cells.filter((c) => c.alphabet === alphabet),
          alphabet,
        );
        console.log(line(engine, group.label, kind, outcome));
        const key = `${group.category}s|${kind}`;
        byCategory.set(key, [...(byCategory.get(key) ?? []), outcome]);
      }
    }
    for (const [key, outcomes] of byCategory) {
      const [label, kind] = key.split('|') as [string, Kind];
      console.log(line(engine, `**all ${label}**`, kind, merge(outcomes)));
    }
    await recognizer.close();
  }
}

await main();
