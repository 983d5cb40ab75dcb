// Prints the identification tables of the report: auto-identified and wrong `ready` against the reader's
// per-character accuracy, for honest and over-confident readers, with the notes' position-by-position
// count as a baseline. Run: npx tsx test/identify/match/accuracy-table.ts [classes per cell, default 40]
import { sweepBatches } from '../segment/batch-sweep';
import { generatedClass } from './class-roster';
import { positionCountSweep, safeLead, sweepHeaders, type SweepCount } from './experiments';
import { nearTwinClass } from './near-twins';
import type { Confidence, ReaderModel } from './simulate';

const perCell = Number(process.argv[2] ?? 40);
const ACCURACIES = [0.25, 0.4, 0.55, 0.7, 0.8, 0.9];
const CONFIDENCES: Confidence[] = ['honest', 'overconfident'];

const classes = Array.from({ length: perCell }, (_, i) => generatedClass(10_000 + i, 30));
const twins = Array.from({ length: perCell }, (_, i) => nearTwinClass(20_000 + i));
const strangers = Array.from({ length: perCell }, (_, i) => generatedClass(30_000 + i, 30));
const large = Array.from({ length: Math.max(1, Math.round(perCell / 10)) }, (_, i) =>
  generatedClass(40_000 + i, 210),
);

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;
const auto = (c: SweepCount) => `${pct(c.right, c.headers)} / ${c.wrong}`;
const readers = (accuracy: number): [ReaderModel, ReaderModel] => [
  { accuracy, confidence: 'honest' },
  { accuracy, confidence: 'overconfident' },
];

function table(title: string, header: string[], rows: string[][]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

const baseline = ACCURACIES.map((a) => positionCountSweep(classes, { accuracy: a, confidence: 'honest' }, 5));
const lead = safeLead(baseline.flat());
table(
  `Header only, Pronote-like classes of 30 (${classes.length * 30} headers per cell): auto-identified / wrong ready`,
  ['accuracy', 'honest reader', 'over-confident reader', `position count, lead ≥ ${lead} (baseline)`],
  ACCURACIES.map((a, i) => {
    const [honest, over] = readers(a).map((r) => sweepHeaders(classes, r, 1)) as [SweepCount, SweepCount];
    const base = baseline[i] ?? [];
    const baseAuto = base.filter((r) => r.right && r.lead >= lead).length;
    const baseWrong = base.filter((r) => !r.right && r.lead >= lead).length;
    return [
      `${Math.round(a * 100)} %`,
      auto(honest),
      auto(over),
      `${pct(baseAuto, base.length)} / ${baseWrong}`,
    ];
  }),
);

table(
  `Near-twin classes (5 twin pairs one box apart, namesakes; ${twins.length * 30} headers per cell)`,
  ['accuracy', 'honest reader', 'over-confident reader'],
  ACCURACIES.map((a) => [
    `${Math.round(a * 100)} %`,
    ...readers(a).map((r) => auto(sweepHeaders(twins, r, 2))),
  ]),
);

table(
  'Strangers (writers from another class of the same name pool, handed to this roster): wrong ready',
  ['accuracy', 'honest reader', 'over-confident reader'],
  ACCURACIES.map((a) => [
    `${Math.round(a * 100)} %`,
    ...readers(a).map((r) => {
      const c = sweepHeaders(classes, r, 3, strangers);
      return `${c.wrong} of ${c.headers}`;
    }),
  ]),
);

table(
  `Rosters of 210 (${large.length * 210} headers per cell): auto-identified / wrong ready`,
  ['accuracy', 'honest reader', 'over-confident reader'],
  ACCURACIES.map((a) => [
    `${Math.round(a * 100)} %`,
    ...readers(a).map((r) => auto(sweepHeaders(large, r, 4))),
  ]),
);

table(
  'Whole stacks (90 % of 30 present, 1–3 sheets, page boxes read at accuracy + 10 points, max 95 %)',
  ['accuracy', 'reader', 'auto-identified', 'wrong ready', 'copies cut exactly', 'ms per sheet'],
  ACCURACIES.flatMap((a) =>
    CONFIDENCES.map((confidence) => {
      const c = sweepBatches(
        classes,
        { accuracy: a, confidence },
        { accuracy: Math.min(0.95, a + 0.1), confidence },
        6,
      );
      return [
        `${Math.round(a * 100)} %`,
        confidence,
        pct(c.right, c.handedIn),
        String(c.wrong),
        pct(c.exactCopies, c.handedIn),
        c.msPerSheet.toFixed(1),
      ];
    }),
  ),
);
