// Who most likely wrote a header, the whole roster ranked: what the desk's roster search orders its matches
// by, so a short query brings the likely writer first even when the reader named no candidate.
import { createHeaderMatcher } from '../identify/match/header-matcher';
import type { HeaderReading } from '../identify/types';
import type { RosterStudent } from '../roster/load-roster';

/**
 * The roster's e-mails, best first, by the evidence the reader matched the header with (names and date
 * together); ties keep roster order. None for a header left empty or not read: nothing to rank by.
 */
export function likelyWriters(header: HeaderReading | null, students: readonly RosterStudent[]): string[] {
  if (!header || header.empty || students.length === 0) return [];
  const { total } = createHeaderMatcher(students).score(header);
  return students
    .map((student, index) => ({ email: student.email, evidence: total[index]!, index }))
    .sort((a, b) => b.evidence - a.evidence || a.index - b.index)
    .map((one) => one.email);
}
