import { nameTokens } from './normalize-name';
import { parseBirthDate } from './parse-birth-date';
import type { CsvRow } from './read-csv-rows';
import type { RosterColumns } from './roster-columns';
import type { RosterProblem } from './roster-error';
import type { RosterStudent } from './roster-types';

/** Loose on purpose: one @, no spaces, a dot in the domain. Whether the mailbox exists is Korrigo's business. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function singleSpaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function readStudent(row: CsvRow, columns: RosterColumns): { student?: RosterStudent; problems: string[] } {
  const cell = (index: number | undefined) => (index === undefined ? '' : (row.cells[index] ?? ''));
  const problems: string[] = [];

  const name = singleSpaced(columns.name.map(cell).join(' '));
  const tokens = nameTokens(name);
  if (name === '') problems.push('student name is empty');
  else if (tokens.length === 0) problems.push(`student name "${name}" has no letters`);

  const birthDate = parseBirthDate(cell(columns.birthDate));
  if ('problem' in birthDate) problems.push(birthDate.problem);

  const email = cell(columns.email);
  if (email === '') problems.push('e-mail address is empty');
  else if (!EMAIL.test(email)) problems.push(`e-mail address "${email}" is not valid`);

  if (problems.length > 0 || !('iso' in birthDate)) return { problems };
  const extra = Object.fromEntries(columns.extra.map(({ index, key }) => [key, cell(index)]));
  const className = singleSpaced(cell(columns.className));
  return {
    student: { name, tokens, email, birthDate: birthDate.iso, className, line: row.line, extra },
    problems,
  };
}

/**
 * Students of every data row, or the problems that stop the roster. The same student twice is a problem:
 * identification could not tell the two apart. Sharing a birth date with someone else is normal.
 */
export function buildStudents(
  rows: CsvRow[],
  columns: RosterColumns,
): { students: RosterStudent[]; problems: RosterProblem[] } {
  const students: RosterStudent[] = [];
  const problems: RosterProblem[] = [];
  const lineOfIdentity = new Map<string, number>();
  const lineOfEmail = new Map<string, number>();
  for (const row of rows) {
    const read = readStudent(row, columns);
    problems.push(...read.problems.map((problem) => ({ line: row.line, problem })));
    const student = read.student;
    if (!student) continue;

    const identity = `${student.tokens.join(' ')}|${student.birthDate}`;
    const sameStudent = lineOfIdentity.get(identity);
    const emailKey = student.email.toLowerCase();
    const sameEmail = lineOfEmail.get(emailKey);
    if (sameStudent !== undefined) {
      problems.push({
        line: row.line,
        problem: `"${student.name}" born ${student.birthDate} is already on line ${sameStudent}`,
      });
    }
    if (sameEmail !== undefined) {
      problems.push({
        line: row.line,
        problem: `e-mail address "${student.email}" is already on line ${sameEmail}`,
      });
    }
    if (sameStudent !== undefined || sameEmail !== undefined) continue;
    lineOfIdentity.set(identity, row.line);
    lineOfEmail.set(emailKey, row.line);
    students.push(student);
  }
  return { students, problems };
}
