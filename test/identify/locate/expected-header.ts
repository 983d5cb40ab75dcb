// Which boxes of a P1 header hold a character, as the generator fills them (page-content.ts): one
// character of the name as written (capitals) per box from the first, a space leaving its box empty, the
// birth date's 8 digits; nothing at all when the student left the header empty.
import type { RosterStudent } from '../../generator/types';
import type { ScannedPage } from './scanned-pages';

export const LAST_NAME_BOXES = 24;
export const FIRST_NAME_BOXES = 20;
export const DATE_BOXES = 8;

export interface ExpectedHeader {
  lastName: boolean[];
  firstName: boolean[];
  birthDate: boolean[];
}

/** `boxes`: how many boxes the printing gives NOM and PRÉNOM (the CCYC's 24 and 20 by default). */
export function expectedHeader(
  page: ScannedPage,
  people: readonly RosterStudent[],
  boxes: { lastName: number; firstName: number } = { lastName: LAST_NAME_BOXES, firstName: FIRST_NAME_BOXES },
): ExpectedHeader {
  const sheet = page.sheet;
  if (!sheet) throw new Error(`page ${page.truth.id} belongs to no sheet`);
  const person = people.find((p) => p.email === sheet.student);
  if (!person) throw new Error(`nobody has the email ${sheet.student}`);
  const filled = (text: string, boxes: number) =>
    Array.from({ length: boxes }, (_, i) => {
      const char = [...text.toUpperCase()][i];
      return sheet.headerFilled && char !== undefined && char.trim() !== '';
    });
  return {
    lastName: filled(person.lastName, boxes.lastName),
    firstName: filled(person.firstName, boxes.firstName),
    birthDate: filled(person.birthDate.replace(/\//g, ''), DATE_BOXES),
  };
}
