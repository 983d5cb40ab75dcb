// The synthetic scanner batch: a roster, the paper stack its students hand in, and that stack scanned into
// one or more PDFs of a given shape, with the ground truth of every side. Scan-room faults, when asked for,
// are made on top of it: the batch without them stays the same, byte for byte. Seeded: same options, same
// bytes.
import { KorrigoError } from '../../core/errors';
import { addAnnexes } from './annexes';
import { splitIntoFiles, writeFiles } from './batch-files';
import { resolveFaults } from './fault-options';
import { feedStack } from './feed';
import {
  dropVersos,
  feedWrongWay,
  insertStrangers,
  loseSheets,
  rescanRun,
  rescanSheets,
  type Feed,
} from './feed-faults';
import { HANDWRITING_FONTS } from './handwriting';
import { PRINTING_NAMES } from './printing';
import { leaveFirstHeadersEmpty, leaveLastVersosBlank } from './paper-faults';
import { Random } from './random';
import { relativePairs } from './relatives';
import { generateRoster } from './roster';
import { SheetPicker } from './sheet-picker';
import { planStack } from './stack';
import { drawStrangers } from './strangers';
import type { BatchTruth, GenerateOptions, GeneratedBatch, PdfShape } from './types';

const SHAPES: readonly PdfShape[] = ['jpeg', 'compact', 'bilevel'];
const ROTATIONS = [0, 90, 180, 270] as const;

export async function generateBatch(options: GenerateOptions): Promise<GeneratedBatch> {
  const settings = resolve(options);
  const faults = resolveFaults(options, settings.present);
  const rng = new Random(options.seed);
  // Forked in this order whatever the options: the batch's own streams never see a fault's draws.
  const rosterRng = rng.fork();
  const planRng = rng.fork();
  const sceneRng = rng.fork();
  const filesRng = rng.fork();
  const faultRng = rng.fork();
  const streams = {
    twins: faultRng.fork(),
    paper: faultRng.fork(),
    strangers: faultRng.fork(),
    feed: faultRng.fork(),
    annexes: faultRng.fork(),
    rescans: faultRng.fork(),
  };

  const twins = faults.twins > 0 ? { pairs: faults.twins, rng: streams.twins } : undefined;
  const roster = generateRoster(rosterRng, options.students, twins);
  const plan = planStack(planRng, roster.students, { ...settings, handIn: new Set(roster.relatives) });
  const picker = new SheetPicker(plan.sheets, plan.pages);
  leaveFirstHeadersEmpty(streams.paper, plan, picker, faults.blankHeaderFirstSheet);
  const blankVersos = leaveLastVersosBlank(streams.paper, plan, picker, faults.droppedBlankSides);

  const feed: Feed = { plan, sides: feedStack(plan.sides, sceneRng), picker };
  const strangers = drawStrangers(streams.strangers, roster.students, faults.strangers);
  insertStrangers(streams.strangers, feed, strangers, settings);
  loseSheets(streams.feed, feed, faults.missingSheets);
  dropVersos(feed, blankVersos);
  feedWrongWay(streams.feed, feed, faults);
  const annexes = addAnnexes(streams.annexes, feed, {
    afterCopy: faults.annexesAfterCopy,
    inStack: faults.annexesInStack,
    ownFile: faults.annexesOwnFile,
  });
  rescanSheets(streams.rescans, feed, {
    rightAfter: faults.duplicatesRightAfter,
    atEnd: faults.duplicatesAtEnd,
  });
  const rescannedRun = faults.repeatFile > 0 ? rescanRun(streams.rescans, feed, faults.repeatFile) : [];

  const groups = splitIntoFiles(filesRng, feed.sides, settings.files, [
    { name: `SKM${settings.files + 1}.pdf`, sides: rescannedRun },
    { name: 'annexes.pdf', sides: annexes.ownFile },
  ]);
  const { files, sides } = await writeFiles(groups, {
    shape: options.shape,
    dpi: options.dpi,
    rotate: settings.rotate,
    inheritRotate: settings.inheritRotate,
  });
  const truth: BatchTruth = { sides, sheets: plan.sheets, pages: plan.pages, absent: plan.absent };
  if (annexes.annexes.length > 0) truth.annexes = annexes.annexes;
  if (strangers.length > 0) truth.strangers = strangers;
  if (twins) Object.assign(truth, relativePairs(roster.students));
  const { students, csvUtf8, csvWin1252 } = roster;
  return { files, roster: { students, csvUtf8, csvWin1252 }, truth };
}

function resolve(options: GenerateOptions) {
  const bad = (message: string) => new KorrigoError('bad-arguments', `Generator options: ${message}`);
  const isInt = (value: unknown) => typeof value === 'number' && Number.isInteger(value);
  if (!isInt(options.seed)) throw bad(`seed must be an integer, got ${options.seed}.`);
  if (!SHAPES.includes(options.shape))
    throw bad(`shape must be one of ${SHAPES.join(', ')}, got ${options.shape}.`);
  if (!(options.dpi >= 20 && options.dpi <= 600))
    throw bad(`dpi must be within 20..600, got ${options.dpi}.`);
  if (!isInt(options.students) || options.students < 1)
    throw bad(`students must be ≥ 1, got ${options.students}.`);
  const present = options.present ?? Math.max(1, options.students - Math.round(options.students / 10));
  if (!isInt(present) || present < 1 || present > options.students) {
    throw bad(`present must be within 1..${options.students}, got ${present}.`);
  }
  const sheetsPerStudent = options.sheetsPerStudent ?? [1, 3];
  const [fewest, most] = sheetsPerStudent;
  if (!isInt(fewest) || !isInt(most) || fewest < 1 || most < fewest || most > 10) {
    throw bad(
      `sheetsPerStudent must be [min, max] with 1 ≤ min ≤ max ≤ 10, got [${sheetsPerStudent.join(', ')}].`,
    );
  }
  const files = options.files ?? 1;
  if (!isInt(files) || files < 1) throw bad(`files must be ≥ 1, got ${files}.`);
  const a4Pages = options.a4Pages ?? 0;
  if (!isInt(a4Pages) || a4Pages < 0) throw bad(`a4Pages must be ≥ 0, got ${a4Pages}.`);
  const rotate = options.rotate ?? 0;
  if (!ROTATIONS.includes(rotate)) throw bad(`rotate must be 0, 90, 180 or 270, got ${rotate}.`);
  const fonts = options.fonts ?? HANDWRITING_FONTS;
  if (fonts.length === 0) throw bad('fonts must name at least one font family.');
  if (options.printing !== undefined && !PRINTING_NAMES.includes(options.printing))
    throw bad(`printing must be one of ${PRINTING_NAMES.join(', ')}, got ${options.printing}.`);
  return {
    present,
    sheetsPerStudent,
    files,
    a4Pages,
    rotate,
    inheritRotate: options.inheritRotate ?? false,
    dropLastVerso: options.dropLastVerso ?? false,
    fonts,
    ...(options.printing ? { printing: options.printing } : {}),
  };
}
