// What the reader extracts from one sheet, and what the matcher needs: every cell keeps a score for every
// character of its alphabet (not just the best one), so the closed-world matcher can weigh doubts.
import type { Fraction } from './crop';
import type { SideFingerprint } from './fingerprint/side-fingerprint';

/** Capital letters plus the separators allowed in a name box. */
export const NAME_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-'";
export const DIGIT_ALPHABET = '0123456789';

export type { CellImage } from './cell-image';

/** The reader's belief about one box. */
export interface CellReading {
  /** Probability that the box is empty (no character written). */
  empty: number;
  /** Probability of each character of the alphabet, given that the box is not empty; sums to 1. */
  probs: number[];
}

export interface FieldReading {
  alphabet: string;
  cells: CellReading[];
  /**
   * Where each cell's printed box lies on the upright page, in fractions of its width and height, so the
   * desk can draw the reading over the boxes however the page is shown. Absent from page boxes' digits and
   * from readings kept before boxes were placed.
   */
  boxes?: Fraction[];
}

/** The boxed identification header of P1. */
export interface HeaderReading {
  lastName: FieldReading;
  firstName: FieldReading;
  /** 8 cells: d d m m y y y y */
  birthDate: FieldReading;
  /** True when no ink was found in any box (a continuation sheet). */
  empty: boolean;
}

/** The "Page n / N" box: one cell for n, one for N (each may hold one or two digits). */
export interface PageBoxReading {
  number: FieldReading;
  total: FieldReading;
  /** Most likely values, null when the cell is empty or unreadable. */
  best: { number: number | null; total: number | null };
  empty: boolean;
  /**
   * Where the number's and the total's boxes lie on the upright page, in fractions of it (as the header's
   * `boxes`). Absent from readings kept before they were placed.
   */
  boxes?: { number: Fraction; total: Fraction };
}

/** Everything read from one sheet (its P1 side and the page boxes of its pages). */
export interface SheetReading {
  /** null when the header could not be located (not found, unreadable page, time limit). */
  header: HeaderReading | null;
  /** Page boxes of P1..P4 (null where not found). */
  pageBoxes: (PageBoxReading | null)[];
  /** Problems met while reading (English, for logs and review reasons). */
  notes: string[];
  /** The sheet is upside down (header found at the bottom, rotated 180°). */
  upsideDown: boolean;
}

/**
 * Everything read from one A3 side on its own, before sides are paired into sheets: pairing then follows
 * what each side is (a sheet fed verso first, a side the scanner dropped) instead of trusting its position.
 * Plain JSON, so a job can checkpoint it.
 */
export interface SideReading {
  /**
   * A recto carries the header ([P4 | P1]); a verso only page boxes ([P2 | P3]); unknown when neither.
   * An A4 page is a recto when it carries its own header (an annex), unknown otherwise.
   */
  role: 'recto' | 'verso' | 'unknown';
  /** Fed upside down; null when nothing on the side tells. */
  upsideDown: boolean | null;
  /** The boxed header of P1 (recto only). */
  header: HeaderReading | null;
  /** Page boxes of the side's two pages in reading order: recto [P1, P4], verso [P2, P3]. */
  pageBoxes: [PageBoxReading | null, PageBoxReading | null];
  /** The same two pages: true when nothing is written on them. */
  blank: [boolean, boolean];
  notes: string[];
  /** The printed fields not found on the side, and why (a verso's missing header is not listed). */
  missing?: FinderMiss[];
  /** What the side's writing looks like, to recognise a rescan of it (A3 sides only). */
  fingerprint?: SideFingerprint;
}

/**
 * A printed field the finders could not find on a side, and why: data the review desk shows (in its own
 * words) beside the side's thumbnail. `page` is the side's page in reading order, for page boxes.
 */
export interface FinderMiss {
  field: 'header' | 'lastName' | 'firstName' | 'birthDate' | 'pageBox';
  /**
   * no-boxes: no printed row of boxes where the field is looked for (either way up);
   * no-name-row: no row of at least `needed` boxes (`longestRow`: the longest there);
   * no-date-boxes: no 8 boxes (2 / 2 / 4 or one run) among the `rows` rows of boxes;
   * no-pair: `boxes` printed boxes but no two alike side by side with a slash's gap between them.
   */
  code: 'no-boxes' | 'no-name-row' | 'no-date-boxes' | 'no-pair';
  params: Record<string, number>;
  page?: 0 | 1;
}

/** Side readings kept across runs of one job, keyed by `${source sha256}:${page number}`. */
export interface SideReadingCache {
  get(key: string): SideReading | undefined;
  put(key: string, reading: SideReading): void;
}
