// What reads boxed cells, whichever engine does it: one call reads a batch of cells of one field, each
// within that field's alphabet.
import type { CellImage, CellReading } from '../types';

export interface Recognizer {
  /**
   * One reading per cell, in order: `empty` and, for each character of `alphabet` in its order, the
   * probability that the box holds it if it is not empty.
   */
  read(cells: readonly CellImage[], alphabet: string): Promise<CellReading[]>;
  close(): Promise<void>;
}
