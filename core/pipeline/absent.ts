import type { Manifest, ManifestCopy } from '../manifest';

/**
 * Roster students no copy is for: neither a copy's student nor the best guess of a copy under review.
 * Listed only when every copy names someone: a copy nobody could read might be any missing student's.
 */
export function absentStudents(
  students: readonly { name: string; email: string }[],
  copies: readonly Pick<ManifestCopy, 'student' | 'candidates'>[],
): Manifest['absent'] {
  const named = copies.map((copy) => copy.student?.email ?? copy.candidates[0]?.email);
  if (named.some((email) => email === undefined)) return [];
  const present = new Set(named);
  return students.filter((s) => !present.has(s.email)).map(({ name, email }) => ({ name, email }));
}
