// The eight date boxes hold d d m m y y y y. A date is shared by many students, so it only ever adds to
// the name's evidence; the decision enforces that (see decide-identity.ts).
import { emptySymbol, logSumExp, type FieldLikelihood } from './field-likelihood';
import { DATE_ROW_LEFT_EMPTY } from './writing-habits';

/** "2007-03-09" -> "09032007", the order of the boxes. */
export function dateAsWritten(iso: string): string {
  return iso.slice(8, 10) + iso.slice(5, 7) + iso.slice(0, 4);
}

/** log P(date row | the student wrote their birth date), or left the row empty. */
export function dateLogLikelihood(field: FieldLikelihood, iso: string): number {
  const written = dateAsWritten(iso);
  const empty = emptySymbol(field);
  let asWritten = 0;
  let blank = 0;
  field.cells.forEach((cell, i) => {
    const digit = field.alphabet.indexOf(written[i] ?? '');
    // Boxes beyond the eighth (a reader that found more) should be empty.
    asWritten += (i < written.length && digit >= 0 ? cell[digit] : cell[empty]) as number;
    blank += cell[empty] as number;
  });
  return logSumExp([Math.log(1 - DATE_ROW_LEFT_EMPTY) + asWritten, Math.log(DATE_ROW_LEFT_EMPTY) + blank]);
}
