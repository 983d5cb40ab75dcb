// The synthetic scanner batch: a roster, the paper stack its students hand in, and that stack scanned into
// one or more PDFs of a given shape, with the ground truth of every side. Seeded: same options, same bytes.
import { KorrigoError } from '../../core/errors';
import { HANDWRITING_FONTS } from './handwriting';
import { pageElements } from './page-content';
import { writeScanPdf, type ScannedSide } from './pdf-shapes';
import { Random } from './random';
import { generateRoster } from './roster';
import { A3_MM, A4_MM } from './sheet-layout';
import type { SideScene } from './side-raster';
import { planStack, type PlannedSide } from './stack';
import type { GenerateOptions, GeneratedBatch, GeneratedFile, PdfShape, TruthSide } from './types';

const SHAPES: readonly PdfShape[] = ['jpeg', 'compact', 'bilevel'];
const ROTATIONS = [0, 90, 180, 270] as const;

export async function generateBatch(options: GenerateOptions): Promise<GeneratedBatch> {
  const settings = resolve(options);
  const rng = new Random(options.seed);
  const roster = generateRoster(rng.fork(), options.students);
  const plan = planStack(rng.fork(), roster.students, settings);
  const sceneRng = rng.fork();
  const scanned: ScannedSide[] = plan.sides.map((side, i) => ({
    scene: sideScene(side, sceneRng),
    deflateBackground: i === 0 || sceneRng.chance(0.4),
  }));
  if (settings.files > scanned.length) {
    throw new KorrigoError(
      'bad-arguments',
      `Cannot split ${scanned.length} scanned sides over ${settings.files} files.`,
    );
  }
  const starts = fileStarts(rng.fork(), scanned.length, settings.files);
  const files: GeneratedFile[] = [];
  const sides: TruthSide[] = [];
  for (let f = 0; f < starts.length; f++) {
    const from = starts[f] as number;
    const to = starts[f + 1] ?? scanned.length;
    const bytes = await writeScanPdf(scanned.slice(from, to), {
      shape: options.shape,
      dpi: options.dpi,
      rotate: settings.rotate,
      inheritRotate: settings.inheritRotate,
    });
    files.push({ name: `SKM${f + 1}.pdf`, bytes });
    plan.sides.slice(from, to).forEach((side, i) => sides.push(truthSide(side, f + 1, i + 1)));
  }
  return {
    files,
    roster,
    truth: { sides, sheets: plan.sheets, pages: plan.pages, absent: plan.absent },
  };
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
  return {
    present,
    sheetsPerStudent,
    files,
    a4Pages,
    rotate,
    inheritRotate: options.inheritRotate ?? false,
    dropLastVerso: options.dropLastVerso ?? false,
    fonts,
  };
}

/** Each side lies a little askew and off-centre on the glass, up to ±1° and ±1 mm. */
function sideScene(side: PlannedSide, rng: Random): SideScene {
  const a3 = side.kind === 'a3';
  const specs = a3 ? [side.left, side.right] : [side.full];
  return {
    widthMm: a3 ? A3_MM.width : A4_MM.width,
    heightMm: A3_MM.height,
    pages: specs.map((spec) => {
      if (!spec) throw new Error('planned side without its page');
      return pageElements(spec);
    }),
    skew: rng.range(-1, 1),
    shiftX: rng.range(-1, 1),
    shiftY: rng.range(-1, 1),
    seed: Math.floor(rng.next() * 4294967296),
  };
}

/** Index of each file's first side: cuts fall anywhere, also between a recto and its verso. */
function fileStarts(rng: Random, sideCount: number, files: number): number[] {
  const cuts = rng.shuffle(Array.from({ length: sideCount - 1 }, (_, i) => i + 1)).slice(0, files - 1);
  return [0, ...cuts.sort((a, b) => a - b)];
}

function truthSide(side: PlannedSide, file: number, source: number): TruthSide {
  return side.kind === 'a4'
    ? { file, source, kind: 'a4', full: side.full?.id }
    : { file, source, kind: 'a3', left: side.left?.id, right: side.right?.id };
}
