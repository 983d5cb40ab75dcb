// The desk's roster search, filtering as the operator types and ordering what it finds so that a short
// query brings the likely writer of the copy under review first (Enter takes the first). It only orders:
// nothing is assigned until the operator accepts a student.
import type { ManifestStudent } from '../manifest';

/** Folded for matching: "Hélène" and "helene" are the same query. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** A French date as typed ("03/02/2008", "3/2") or ISO. */
const dateForms = (iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return [iso, `${day}/${month}/${year}`, `${Number(day)}/${Number(month)}/${year}`];
};

/** What the desk knows of the copy under review, to order the matches by. */
export interface SearchHints {
  /** E-mails, the most likely writer first by the header's reading (`copies.reading`'s `likely`). */
  likely?: readonly string[];
  /** Students another copy of the batch is already assigned to. */
  hasCopy?: (student: ManifestStudent) => boolean;
}

/**
 * Students every word of `query` starts a word of (name, class) or a date of. Ordered: students still
 * without a copy first (one copy per student: the writer of a copy to review is rarely someone the batch
 * already has), then by how well the header's reading fits them, then in roster order.
 */
export function searchStudents(
  roster: readonly ManifestStudent[],
  query: string,
  hints: SearchHints = {},
): ManifestStudent[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found = roster.filter((student) => {
    const names = fold(`${student.name} ${student.className}`).split(/[\s-]+/);
    const dates = dateForms(student.birthDate);
    return words.every(
      (word) => names.some((name) => name.startsWith(word)) || dates.some((date) => date.startsWith(word)),
    );
  });
  const likely = new Map((hints.likely ?? []).map((email, rank) => [email, rank]));
  const key = (student: ManifestStudent) => ({
    taken: hints.hasCopy?.(student) ? 1 : 0,
    rank: likely.get(student.email) ?? likely.size,
  });
  const keys = new Map(found.map((student) => [student, key(student)]));
  // Array sort is stable: equal keys keep roster order.
  return found.sort((a, b) => {
    const [one, two] = [keys.get(a)!, keys.get(b)!];
    return one.taken - two.taken || one.rank - two.rank;
  });
}
