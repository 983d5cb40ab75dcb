// Entry point: sheet readings in stack order + the roster -> copies with their students, and the absent.
import type { RosterStudent } from '../../roster/load-roster';
import { decideIdentity, type IdentityDecision } from '../match/decide-identity';
import { createHeaderMatcher } from '../match/header-matcher';
import { REASON } from '../match/reasons';
import { resolveConflicts } from '../match/resolve-conflicts';
import type { SheetReading } from '../types';
import { pageProblems } from './page-checks';
import { segmentCopies, type Segment } from './segment-copies';
import { sheetFacts } from './sheet-facts';
import type { IdentifiedBatch, SegmentedCopy } from './types';

export interface IdentifyOptions {
  /** How reasons name a sheet, from its index in the readings (default "sheet 1", "sheet 2", ...). */
  sheetLabel?: (index: number) => string;
}

function identityOf(segment: Segment, students: readonly RosterStudent[]): IdentityDecision {
  const first = segment.sheets[0];
  const unidentified = (reason: string): IdentityDecision => ({
    status: 'needs_review',
    student: null,
    confidence: 0,
    reasons: [reason],
    candidates: [],
  });
  const firstHeader = first?.header === 'empty' ? REASON.headerEmpty : REASON.headerUnreadable;
  if (!segment.evidence) return unidentified(firstHeader);
  const decision = decideIdentity(segment.evidence, students);
  // A later sheet names the student but the first does not: that first sheet could be anyone's.
  if (first?.header === 'filled') return decision;
  return {
    ...decision,
    status: 'needs_review',
    student: null,
    reasons: [`first sheet: ${firstHeader}`, ...decision.reasons],
  };
}

/**
 * Sheets whose header could not be read: the reader's notes say why. A later sheet's header might name
 * someone else, so it always asks for a look; the first sheet's is already the copy's identity reason.
 */
function unreadHeaders(segment: Segment): string[] {
  return segment.sheets.flatMap((s, j) => {
    if (s.header !== 'unread') return [];
    if (s.notes.length > 0) return s.notes.map((note) => `${s.label}: ${note}`);
    return j === 0 ? [] : [`${s.label}: ${REASON.headerUnreadable}`];
  });
}

export function identifyCopies(
  readings: readonly SheetReading[],
  students: readonly RosterStudent[],
  options: IdentifyOptions = {},
): IdentifiedBatch {
  const label = options.sheetLabel ?? ((i: number) => `sheet ${i + 1}`);
  const matcher = createHeaderMatcher(students);
  const segments = segmentCopies(readings.map((reading, i) => sheetFacts(reading, i, label(i), matcher)));
  // Segmentation doubts and page-box problems count before conflicts: a copy in review for any reason
  // still claims its student against other copies.
  const claims = segments.map((segment) => {
    const identity = identityOf(segment, students);
    const reasons = [
      ...identity.reasons,
      ...segment.reasons,
      ...pageProblems(segment.sheets),
      ...unreadHeaders(segment),
    ];
    const ready = identity.status === 'ready' && reasons.length === 0;
    const decision: IdentityDecision = {
      ...identity,
      status: ready ? 'ready' : 'needs_review',
      student: ready ? identity.student : null,
      reasons,
    };
    const first = segment.sheets[0] as { label: string };
    return { decision, evidence: segment.evidence, label: `the copy starting at ${first.label}` };
  });
  const decisions = resolveConflicts(claims, students);
  const copies: SegmentedCopy[] = segments.map((segment, c) => ({
    sheets: segment.sheets.map((s) => s.index),
    ...(decisions[c] as IdentityDecision),
  }));

  const accounted = new Set(copies.flatMap((c) => c.student ?? c.candidates[0]?.student ?? []));
  return { copies, absent: students.filter((s) => !accounted.has(s)) };
}
