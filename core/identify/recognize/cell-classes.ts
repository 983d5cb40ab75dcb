// The classifier's outputs: "empty box" first, then every character a box of any field may hold.
import { DIGIT_ALPHABET, NAME_ALPHABET } from '../types';

/** Characters in output order; output 0 is the empty box, output i + 1 is CLASS_CHARS[i]. */
export const CLASS_CHARS = NAME_ALPHABET + DIGIT_ALPHABET;
export const CLASS_COUNT = CLASS_CHARS.length + 1;

/** Output index of a label: '' for an empty box, else one character of CLASS_CHARS. */
export function classOf(label: string): number {
  if (label === '') return 0;
  const index = CLASS_CHARS.indexOf(label);
  if (label.length !== 1 || index < 0)
    throw new Error(`The cell classifier knows no character ${JSON.stringify(label)}.`);
  return index + 1;
}
