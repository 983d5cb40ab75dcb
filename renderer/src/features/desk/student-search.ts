import type { ManifestStudent } from '../../../../core/api/contract';

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

/** Students every word of `query` starts a word of (name, class) or a date of, in roster order. */
export function searchStudents(roster: readonly ManifestStudent[], query: string): ManifestStudent[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return roster.filter((student) => {
    const names = fold(`${student.name} ${student.className}`).split(/[\s-]+/);
    const dates = dateForms(student.birthDate);
    return words.every(
      (word) => names.some((name) => name.startsWith(word)) || dates.some((date) => date.startsWith(word)),
    );
  });
}
