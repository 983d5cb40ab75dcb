// Copies as the manifest lists them: runs of sheets (or a loose A4 page) with their student, or the reasons
// a person must look. Without identification every sheet and every loose page is a copy of its own.
import type { IdentifiedBatch, SegmentedCopy } from '../identify/segment/types';
import type { SheetReading } from '../identify/types';
import type { Half, ManifestCopy } from '../manifest';
import type { RosterStudent } from '../roster/load-roster';
import { readingOrder } from './sheets';
import type { StackUnit } from './sheets';
import { pageLabel } from './stack';
import type { StackPage } from './stack';

export const NOT_IDENTIFIED = 'student not identified';

/** The operator's word on a copy: its student is on no roster of the batch. */
export const NOT_ON_ROSTER = 'the operator found the student is not on the roster';

export const notMultipleOfFour = (pages: number): string =>
  `${pages} page${pages === 1 ? '' : 's'}, not a multiple of 4`;

/**
 * Stable across runs on the same scans, whatever their order or file names: the scan file's hash and the
 * copy's first page. Readable enough to find the source page from a copy's file name.
 */
export function copyId(sourceSha256: string, page: number, half: Half): string {
  return `${sourceSha256.slice(0, 12)}-p${String(page).padStart(4, '0')}-${half}`;
}

/** Names one half (or a whole A4 page) of a scanned page. */
export const halfKey = (file: number, source: number, half: Half): string => `${file}:${source}:${half}`;

/** File names copyId gives: what an earlier run may have left in the copies folder. */
export const COPY_FILE = /^[0-9a-f]{12}-p\d{4,}-(left|right|full)\.pdf$/;

type Unit = StackUnit<StackPage>;
type Identity = Pick<ManifestCopy, 'status' | 'student' | 'confidence' | 'reasons' | 'candidates'>;

const UNIDENTIFIED: Identity = {
  status: 'needs_review',
  student: null,
  confidence: 0,
  reasons: [NOT_IDENTIFIED],
  candidates: [],
};

function buildCopy(
  units: readonly { unit: Unit; upsideDown: boolean }[],
  sources: readonly { sha256: string }[],
  identity: Identity,
  blankHalves: ReadonlySet<string> = new Set(),
): ManifestCopy {
  const halves = units.flatMap(({ unit, upsideDown }) => readingOrder(unit, upsideDown));
  const first = halves[0]!;
  const id = copyId(sources[first.page.file - 1]!.sha256, first.page.source, first.half);
  // Both sides of a sheet may say the same thing about it (neither header nor page box): say it once.
  const reasons = [...new Set([...identity.reasons, ...units.flatMap(({ unit }) => unitReasons(unit))])];
  if (halves.length % 4 !== 0) reasons.push(notMultipleOfFour(halves.length));
  return {
    id,
    ...identity,
    status: reasons.length === 0 ? identity.status : 'needs_review',
    student: reasons.length === 0 ? identity.student : null,
    reasons,
    pages: halves.map(({ page, half, rotate }) => ({
      file: page.file,
      source: page.source,
      half,
      rotate,
      blank: blankHalves.has(halfKey(page.file, page.source, half)),
    })),
    file: `copies/${id}.pdf`,
  };
}

export function planCopies(units: readonly Unit[], sources: readonly { sha256: string }[]): ManifestCopy[] {
  return units.map((unit) => buildCopy([{ unit, upsideDown: false }], sources, UNIDENTIFIED));
}

const manifestStudent = (student: RosterStudent) => ({
  name: student.name,
  email: student.email,
  birthDate: student.birthDate,
  className: student.className,
});

function identityOf(copy: SegmentedCopy): Identity {
  return {
    status: copy.status,
    student: copy.student ? manifestStudent(copy.student) : null,
    confidence: copy.confidence,
    reasons: copy.reasons,
    candidates: copy.candidates.map(({ student, score }) => ({
      name: student.name,
      email: student.email,
      score,
    })),
  };
}

/**
 * Copies from identification: `readings` and the identified copies' sheet indices refer to the units that
 * are sheets (loose pages left out), in stack order. Loose A4 pages stay copies of their own, for review;
 * copies are listed in stack order of their first side. Pages the reader found blank (by `halfKey`) are
 * marked so, never dropped.
 */
export function planIdentifiedCopies(
  units: readonly Unit[],
  sources: readonly { sha256: string }[],
  readings: readonly SheetReading[],
  identified: IdentifiedBatch,
  blankHalves: ReadonlySet<string> = new Set(),
): ManifestCopy[] {
  const sheetUnits = units.filter((unit) => unit.kind !== 'loose-page');
  const copies = [
    ...identified.copies.map((copy) => ({
      start: firstSide(sheetUnits[copy.sheets[0]!]!),
      copy: buildCopy(
        copy.sheets.map((i) => ({ unit: sheetUnits[i]!, upsideDown: readings[i]?.upsideDown ?? false })),
        sources,
        identityOf(copy),
        blankHalves,
      ),
    })),
    ...units
      .filter((unit) => unit.kind === 'loose-page')
      .map((unit) => ({
        start: unit.page.position,
        copy: buildCopy([{ unit, upsideDown: false }], sources, UNIDENTIFIED),
      })),
  ];
  return copies.sort((a, b) => a.start - b.start).map(({ copy }) => copy);
}

/** Stack position of the unit's first side: a sheet fed verso first starts at its verso. */
function firstSide(unit: Unit): number {
  if (unit.kind === 'sheet') return Math.min(unit.recto.position, unit.verso.position);
  return unit.kind === 'loose-page' ? unit.page.position : unit.recto.position;
}

function unitReasons(unit: Unit): string[] {
  if (unit.kind === 'incomplete-sheet') {
    return [
      unit.reason ??
        `sheet without its verso: ${pageLabel(unit.recto)} is followed by no A3 side (only P1 and P4)`,
    ];
  }
  if (unit.kind === 'loose-page') {
    const reasons = [`loose page, not part of a folded A3 sheet: ${pageLabel(unit.page)}`];
    if (unit.page.unusual) reasons.push(`${pageLabel(unit.page)} is ${unit.page.unusual}`);
    return reasons;
  }
  return unit.reason === undefined ? [] : [unit.reason];
}
