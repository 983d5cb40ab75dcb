// The fed stack written out as the scanner's files: the pile split over SKM1.pdf… at arbitrary side
// boundaries, then any files scanned apart (a rescanned run, the annexes), with the truth of every side.
import { KorrigoError } from '../../core/errors';
import type { FedSide } from './feed';
import { writeScanPdf, type ShapeOptions } from './pdf-shapes';
import type { Random } from './random';
import type { GeneratedFile, TruthSide } from './types';

export interface FileGroup {
  name: string;
  sides: FedSide[];
}

/** The pile over `files` SKM files; the files scanned apart come after them, named as given. */
export function splitIntoFiles(
  rng: Random,
  pile: readonly FedSide[],
  files: number,
  apart: readonly FileGroup[],
): FileGroup[] {
  if (files > pile.length) {
    throw new KorrigoError('bad-arguments', `Cannot split ${pile.length} scanned sides over ${files} files.`);
  }
  const starts = fileStarts(rng, pile.length, files);
  const groups = starts.map((from, f) => ({
    name: `SKM${f + 1}.pdf`,
    sides: pile.slice(from, starts[f + 1] ?? pile.length),
  }));
  return [...groups, ...apart.filter((group) => group.sides.length > 0)];
}

/** Index of each file's first side: cuts fall anywhere, also between a recto and its verso. */
function fileStarts(rng: Random, sideCount: number, files: number): number[] {
  const cuts = rng.shuffle(Array.from({ length: sideCount - 1 }, (_, i) => i + 1)).slice(0, files - 1);
  return [0, ...cuts.sort((a, b) => a - b)];
}

export async function writeFiles(
  groups: readonly FileGroup[],
  shape: ShapeOptions,
): Promise<{ files: GeneratedFile[]; sides: TruthSide[] }> {
  const at = new Map<FedSide, { file: number; source: number }>();
  groups.forEach((group, f) =>
    group.sides.forEach((side, i) => at.set(side, { file: f + 1, source: i + 1 })),
  );
  const files: GeneratedFile[] = [];
  for (const group of groups) files.push({ name: group.name, bytes: await writeScanPdf(group.sides, shape) });
  const sides = groups.flatMap((group) => group.sides.map((side) => truthSide(side, at)));
  return { files, sides };
}

function truthSide(side: FedSide, at: ReadonlyMap<FedSide, { file: number; source: number }>): TruthSide {
  const { file, source } = at.get(side) as { file: number; source: number };
  const { paper } = side;
  const shown = side.upsideDown ? [paper.right, paper.left] : [paper.left, paper.right];
  const truth: TruthSide =
    paper.kind === 'a4'
      ? { file, source, kind: 'a4', full: paper.full?.id }
      : { file, source, kind: 'a3', left: shown[0]?.id, right: shown[1]?.id };
  if (side.upsideDown) truth.upsideDown = true;
  if (side.rescanOf) {
    const first = at.get(side.rescanOf);
    if (!first) throw new Error('a rescanned side whose first scan is in no file');
    truth.duplicateOf = first;
  }
  return truth;
}
