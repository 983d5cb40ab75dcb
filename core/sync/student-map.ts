// Which server student each roster student is: by e-mail first, then by name and birth date. A student the
// server does not have (or has twice) leaves the copy unsent with the reason: never guessed, never created
// (importing students would create login accounts for them).
import type { ManifestStudent } from '../manifest';
import { nameTokens } from '../roster/normalize-name';
import type { SyncReason } from '../store/sync-rows';
import type { KorrigoApi } from './korrigo-api';

export type StudentMatch = { id: number } | { reason: SyncReason };

export async function findServerStudent(api: KorrigoApi, student: ManifestStudent): Promise<StudentMatch> {
  const email = student.email.trim().toLowerCase();
  if (email !== '') {
    const byEmail = (await api.searchStudents(email)).filter(
      (candidate) => (candidate.email ?? '').trim().toLowerCase() === email,
    );
    if (byEmail.length === 1) return { id: byEmail[0]!.id };
    if (byEmail.length > 1)
      return {
        reason: {
          code: 'student-ambiguous',
          text: `${byEmail.length} students on the server have the e-mail ${email}`,
        },
      };
  }
  const wanted = sortedTokens(student.name);
  // The search covers first name, last name and e-mail, not the birth date: search the longest word of the
  // name as written (accents kept), then compare whole names and dates here.
  const word = [...student.name.split(/\s+/)].sort((a, b) => b.length - a.length)[0] ?? '';
  const byName = (await api.searchStudents(word)).filter(
    (candidate) =>
      sortedTokens(`${candidate.last_name} ${candidate.first_name}`) === wanted &&
      candidate.date_naissance === student.birthDate,
  );
  if (byName.length === 1) return { id: byName[0]!.id };
  if (byName.length > 1) {
    return {
      reason: {
        code: 'student-ambiguous',
        text: `${byName.length} students on the server are ${student.name} born ${student.birthDate}`,
      },
    };
  }
  return {
    reason: {
      code: 'student-missing',
      text: `student ${student.name} (${student.email || 'no e-mail'}, born ${student.birthDate}) is not on the server`,
    },
  };
}

const sortedTokens = (name: string) => nameTokens(name).sort().join(' ');
