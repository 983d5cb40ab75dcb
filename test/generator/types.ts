// Ground truth of a generated scanner batch: what every side of every file really holds.

/** How the scanner wrote the pages (see shared/real-scans.md). */
export type PdfShape =
  /** One JPEG per A3 side, landscape page (desktop scanners). */
  | 'jpeg'
  /** Copier "compact PDF": portrait page with /Rotate 270, 150 dpi JPEG background + 1-bit ink masks. */
  | 'compact'
  /** One 1-bit image per side (black-and-white scanning). */
  | 'bilevel';

export interface GenerateOptions {
  seed: number;
  shape: PdfShape;
  /** Resolution of the ink layer / page image; tests use ~50–75, benchmarks 150–300. */
  dpi: number;
  /** Roster size. */
  students: number;
  /** How many roster students hand in a copy (default: all but ~10 %). */
  present?: number;
  /** Sheets per present student, inclusive range (default [1, 3]). */
  sheetsPerStudent?: [number, number];
  /** Split the stack over this many files (default 1), at arbitrary side boundaries. */
  files?: number;
  /** Loose A4 pages inserted between sheets (default 0). */
  a4Pages?: number;
  /** Drop the very last verso, leaving an odd number of A3 sides (default false). */
  dropLastVerso?: boolean;
  /** For shape 'jpeg': the /Rotate the page is stored with (content pre-rotated so it displays upright). */
  rotate?: 0 | 90 | 180 | 270;
  /** Put /Rotate on the page tree node instead of each page (inherited), where a rotate is set. */
  inheritRotate?: boolean;
  /** Font families to write with (default: all handwriting fonts). */
  fonts?: string[];
}

export interface RosterStudent {
  /** As Pronote's `Élèves` column: "LASTNAME FIRSTNAME", uppercase, may have 3–4 words. */
  name: string;
  lastName: string;
  firstName: string;
  /** dd/mm/yyyy */
  birthDate: string;
  email: string;
  className: string;
}

/** One logical A4 page, as the student wrote it. */
export interface TruthPage {
  /** Unique in the batch; also drawn on the page as a machine-readable tag (see page-tag.ts). */
  id: number;
  /** Email of the student who wrote it, null for a loose A4 page of nobody. */
  student: string | null;
  /** Index into `truth.sheets`, or null for a loose A4 page. */
  sheet: number | null;
  /** 1..4 within its sheet (P1..P4), null for a loose A4 page. */
  pageInSheet: number | null;
  /** The handwritten "Page n / N" box (n, N), null when the box is left empty. */
  pageBox: [number, number] | null;
  blank: boolean;
  /** True when the page was written but its side never reached the scanner (`dropLastVerso`). */
  unscanned?: boolean;
}

export interface TruthSheet {
  student: string;
  /** 1-based sheet number within the student's copy, and how many sheets the student used. */
  sheetNo: number;
  sheetsOf: number;
  /** Whether the header (NOM, PRÉNOM, date) is filled on P1. */
  headerFilled: boolean;
  /** Page ids of P1..P4. */
  pages: [number, number, number, number];
}

/** One page of one generated file, in stack order. */
export interface TruthSide {
  /** 1-based file index and 1-based page number in that file. */
  file: number;
  source: number;
  kind: 'a3' | 'a4';
  /** Page ids as displayed: left and right halves of an A3 side, or the whole A4 page. */
  left?: number;
  right?: number;
  full?: number;
}

export interface BatchTruth {
  sides: TruthSide[];
  sheets: TruthSheet[];
  pages: TruthPage[];
  /** Emails of roster students who handed nothing in. */
  absent: string[];
}

export interface GeneratedFile {
  name: string;
  bytes: Uint8Array;
}

export interface GeneratedBatch {
  files: GeneratedFile[];
  roster: {
    students: RosterStudent[];
    /** Pronote export: UTF-8 with BOM, `,`, CRLF, extra columns (`EDS `, `Groupe`). */
    csvUtf8: Buffer;
    /** Same roster re-saved by a spreadsheet: Windows-1252, `;`. */
    csvWin1252: Buffer;
  };
  truth: BatchTruth;
}
