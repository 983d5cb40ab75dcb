// Pronote writes dd/mm/yyyy; spreadsheets re-save as d/m/yyyy, ISO, or with a midnight time appended.

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const TWO_DIGIT_YEAR = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/;
const MIDNIGHT = /[ T]00:00(:00)?$/;

/** Plausible birth years; a year outside is a typo (0208, 2800), not a student. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

export type BirthDateResult = { iso: string } | { problem: string };

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toIso(raw: string, year: number, month: number, day: number): BirthDateResult {
  if (year < FIRST_YEAR || year > LAST_YEAR || !isRealDate(year, month, day)) {
    return { problem: `birth date "${raw}" is not a real date` };
  }
  return { iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

export function parseBirthDate(raw: string): BirthDateResult {
  const value = raw.trim().replace(MIDNIGHT, '');
  if (value === '') return { problem: 'birth date is empty' };
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) return toIso(raw, Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) return toIso(raw, Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  if (TWO_DIGIT_YEAR.test(value)) {
    return { problem: `birth date "${raw}" has a two-digit year; write it as dd/mm/yyyy` };
  }
  return { problem: `birth date "${raw}" is not a date in dd/mm/yyyy form` };
}
