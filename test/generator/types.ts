// Ground truth of a generated scanner batch: what every side of every file really holds.
import type { PrintingName } from './printing';

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
  /** How the exam paper was printed (default `ccyc`; see printing.ts). */
  printing?: PrintingName;

  // Scan-room faults (see shared/real-scans.md). Each is a count, default 0; leaving them all out gives
  // exactly the batch the options above give, byte for byte, and a fault leaves every side it does not
  // concern as it was (same pixels, same page ids). Faults strike distinct sheets of roster students
  // (never a stranger's), at random; only `repeatFile` rescans whatever sheets its run covers. Asking
  // for more than the batch has is an error naming the fault.

  /**
   * Sheets fed upside down: both sides shown turned 180°, the recto as [P1↻ | P4↻] with the header at the
   * bottom left, the verso as [P3↻ | P2↻]. Truth: `TruthSheet.upsideDown`, `TruthSide.upsideDown`.
   */
  upsideDown?: number;
  /** Sheets fed verso first: [P2 | P3] scanned right before [P4 | P1]. Truth: `TruthSheet.versoFirst`. */
  versoFirst?: number;
  /** Sheets fed verso first and upside down: [P3↻ | P2↻] then [P1↻ | P4↻]. Truth: both flags. */
  upsideDownVersoFirst?: number;
  /**
   * A jammed stack rescanned: sheets scanned a second time, a new scan of the same paper (same writing,
   * its own skew, offset and noise), fed the same way as the first time. Truth: the rescan's pages have
   * their own ids with `TruthPage.duplicateOf`, its sides `TruthSide.duplicateOf`.
   */
  duplicateSheets?: {
    /** Sheets rescanned at the end of the stack (so in the last SKM file). */
    atEnd?: number;
    /** Sheets rescanned mid-stack, right after their first scan. */
    rightAfter?: number;
    /** A run of this many consecutive sheets rescanned into one more file, `SKM<files + 1>.pdf`. */
    repeatFile?: number;
  };
  /**
   * Students whose last sheet has a fully blank verso (P2, P3 and P4 blank, no page box on them) that the
   * scanner's blank-page removal drops. Truth: `TruthSheet.versoDropped`, its P2 and P3 `unscanned`.
   */
  droppedBlankSides?: number;
  /**
   * Students with 2 or more sheets who lose one of them (any one) before scanning: their page boxes jump.
   * Truth: `TruthSheet.missing`, its four pages `unscanned`.
   */
  missingSheets?: number;
  /**
   * A4 annex pages (CMEN-like header: NOM, PRÉNOM, date of birth in comb boxes, in the student's hand),
   * one per student, each for a different present roster student. Truth: `BatchTruth.annexes`.
   */
  annexes?: {
    /** Scanned right after the last side of the student's copy. */
    afterCopy?: number;
    /** Slipped in anywhere in the stack between two sheets. */
    inStack?: number;
    /** Scanned apart, into their own file `annexes.pdf` (after the SKM files). */
    ownFile?: number;
  };
  /**
   * Copies handed in by people who are not on the roster (a name absent from it; some share a last name or
   * a birth date with a roster student), placed between other copies. Truth: `BatchTruth.strangers`.
   */
  strangers?: number;
  /**
   * Students who left the header of their first sheet empty (its page box is filled as usual). Truth:
   * their first `TruthSheet` has `headerFilled: false` (never the case otherwise).
   */
  blankHeaderFirstSheet?: number;
  /**
   * Roster pairs of near twins (same last name and birth date, different first names), and as many pairs
   * of siblings (same last name, different first names and birth dates); all of them hand in a copy.
   * Truth: `BatchTruth.twins`, `BatchTruth.siblings`.
   */
  twins?: number;
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
  /**
   * True when the page was written but its side never reached the scanner (`dropLastVerso`,
   * `droppedBlankSides`, `missingSheets`).
   */
  unscanned?: boolean;
  /**
   * Set on a rescanned page (`duplicateSheets`): the id of the page it is a second scan of. Its other
   * fields repeat the original's (same student, sheet, page in sheet, page box).
   */
  duplicateOf?: number;
}

export interface TruthSheet {
  student: string;
  /** 1-based sheet number within the student's copy, and how many sheets the student used. */
  sheetNo: number;
  sheetsOf: number;
  /** Whether the header (NOM, PRÉNOM, date) is filled on P1. */
  headerFilled: boolean;
  /** Page ids of P1..P4 (their first scan, when the sheet was rescanned). */
  pages: [number, number, number, number];
  /** Fed upside down (`upsideDown`, `upsideDownVersoFirst`): both its sides show turned 180°. */
  upsideDown?: true;
  /** Fed verso first (`versoFirst`, `upsideDownVersoFirst`): its verso side comes right before its recto. */
  versoFirst?: true;
  /** Its fully blank verso was dropped by the scanner (`droppedBlankSides`): only its recto is scanned. */
  versoDropped?: true;
  /** Lost before scanning (`missingSheets`): none of its sides is scanned. */
  missing?: true;
}

/** One page of one generated file, in stack order. */
export interface TruthSide {
  /** 1-based file index and 1-based page number in that file. */
  file: number;
  source: number;
  kind: 'a3' | 'a4';
  /**
   * Page ids as displayed: left and right halves of an A3 side, or the whole A4 page. On an upside-down
   * side the left half shows the paper's right page (P1 on a recto), turned 180°.
   */
  left?: number;
  right?: number;
  full?: number;
  /** The paper lay upside down: each half shows its page turned 180° (read it after turning it back). */
  upsideDown?: true;
  /** This side is a rescan (`duplicateSheets`) of the side at that file and page. */
  duplicateOf?: { file: number; source: number };
}

/** An annex page (`annexes`) and whose it is. */
export interface TruthAnnex {
  /** The annex's page id (its `TruthPage` has the student's email, `sheet` null). */
  page: number;
  /** Email of the roster student who wrote it (and whose header it carries). */
  student: string;
  placement: 'after-copy' | 'in-stack' | 'own-file';
}

export interface BatchTruth {
  sides: TruthSide[];
  sheets: TruthSheet[];
  pages: TruthPage[];
  /** Emails of roster students who handed nothing in. */
  absent: string[];
  /** Annex pages (`annexes`), in the order they were made. */
  annexes?: TruthAnnex[];
  /**
   * People not on the roster who handed in a copy (`strangers`): their sheets and pages name them by this
   * `email`, which is no roster student's; `name`, `birthDate` are what their headers say.
   */
  strangers?: RosterStudent[];
  /** With `twins`: every pair of roster students sharing a last name and a birth date (emails). */
  twins?: [string, string][];
  /** With `twins`: every pair of roster students sharing a last name but not a birth date (emails). */
  siblings?: [string, string][];
}

export interface GeneratedFile {
  /** SKM1.pdf … SKM<files>.pdf, then SKM<files + 1>.pdf (`repeatFile`) and annexes.pdf when asked for. */
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
