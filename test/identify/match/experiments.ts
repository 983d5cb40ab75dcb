// Header-only identification over many simulated classes: every student (or a stranger) writes their
// header, the simulated reader reads it, and the matcher decides. Counts what matters: right `ready`,
// wrong `ready`. Also the position-by-position count the project notes measured, as a baseline.
import { decideIdentity } from '../../../core/identify/match/decide-identity';
import { createHeaderMatcher } from '../../../core/identify/match/header-matcher';
import type { HeaderReading } from '../../../core/identify/types';
import { normalizeName } from '../../../core/roster/load-roster';
import { Random } from '../../generator/random';
import type { ClassMember } from './class-roster';
import { HEADER_BOXES, readHeader, type ReaderModel } from './simulate';
import { writeHeader } from './write-header';

export interface SweepCount {
  headers: number;
  right: number;
  wrong: number;
  review: number;
}

/**
 * Each writer of `writers[c]` hands a header in to class `classes[c]`; by default the class's own members.
 * A writer not on the class roster is a stranger: any `ready` for them is wrong.
 */
export function sweepHeaders(
  classes: readonly ClassMember[][],
  reader: ReaderModel,
  seed: number,
  writers: readonly ClassMember[][] = classes,
): SweepCount {
  const count: SweepCount = { headers: 0, right: 0, wrong: 0, review: 0 };
  const rng = new Random(seed);
  classes.forEach((members, c) => {
    const students = members.map((m) => m.student);
    const names = new Set(students.map((s) => s.name));
    const matcher = createHeaderMatcher(students);
    for (const writer of writers[c] ?? []) {
      const enrolled = students.includes(writer.student);
      // A stranger who is a namesake of a roster student is the same person as far as the header can tell.
      if (!enrolled && names.has(writer.student.name)) continue;
      const header = readHeader(writeHeader(writer, rng), reader, rng);
      const decision = decideIdentity(matcher.score(header), students);
      count.headers++;
      if (decision.status !== 'ready') count.review++;
      else if (decision.student === writer.student) count.right++;
      else count.wrong++;
    }
  });
  return count;
}

function argmaxRow(field: HeaderReading['lastName']): string[] {
  return field.cells.map((cell) => {
    if (cell.empty >= 0.5) return '';
    let best = 0;
    cell.probs.forEach((p, i) => {
      if (p > (cell.probs[best] as number)) best = i;
    });
    return field.alphabet[best] as string;
  });
}

/** Boxes the student fills, as the roster spells the name, a space box between words. */
function canonicalRows(member: ClassMember): string[][] {
  const row = (text: string, boxes: number) => [...normalizeName(text)].slice(0, boxes).map((c) => c.trim());
  return [
    row(member.lastName, HEADER_BOXES.lastName),
    row(member.firstName, HEADER_BOXES.firstName),
    [...member.birthDate.replace(/\//g, '')],
  ];
}

/** For each header of the sweep: the best student's count of matching boxes, its lead, and if it is right. */
export function positionCountSweep(
  classes: readonly ClassMember[][],
  reader: ReaderModel,
  seed: number,
): { lead: number; right: boolean }[] {
  const rng = new Random(seed);
  const out: { lead: number; right: boolean }[] = [];
  for (const members of classes) {
    const rows = members.map(canonicalRows);
    for (const member of members) {
      const reading = readHeader(writeHeader(member, rng), reader, rng);
      const read = [argmaxRow(reading.lastName), argmaxRow(reading.firstName), argmaxRow(reading.birthDate)];
      const scores = rows.map((student) =>
        student.reduce((sum, row, r) => sum + row.filter((c, i) => c !== '' && read[r]?.[i] === c).length, 0),
      );
      const order = scores.map((s, k) => ({ s, k })).sort((a, b) => b.s - a.s);
      const [best, second] = [order[0], order[1]];
      if (!best) continue;
      out.push({ lead: best.s - (second?.s ?? 0), right: members[best.k] === member });
    }
  }
  return out;
}

/** The smallest lead that never picks a wrong student in `results` (the baseline's own zero-wrong bar). */
export function safeLead(results: readonly { lead: number; right: boolean }[]): number {
  return 1 + Math.max(0, ...results.filter((r) => !r.right).map((r) => r.lead));
}
