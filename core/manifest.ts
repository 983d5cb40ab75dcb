// The manifest is a public contract (other tools read it): change it only by adding optional fields,
// and bump `version` for anything else.

export type CopyStatus = 'ready' | 'needs_review';
export type Half = 'left' | 'right' | 'full';

export interface ManifestSource {
  /** File name as given (base name), in the order the operator gave the files. */
  file: string;
  sha256: string;
  pages: number;
  /** How the file was scanned, and what in it may hurt reading (absent when the run did not measure it). */
  quality?: SourceQuality;
}

export type ColourMode = 'colour' | 'grey' | 'bilevel';

/** The input quality report of one scan file. */
export interface SourceQuality {
  /** Lowest and highest effective resolution (dpi, as displayed) of the images that carry the page. */
  imageDpi: { min: number; max: number } | null;
  /** Same for the ink layers (stencil masks) of copier compact PDFs; null when there are none. */
  inkDpi: { min: number; max: number } | null;
  colour: ColourMode[];
  /** Distinct page sizes as displayed, in millimetres, with how many pages have each. */
  pageSizes: { widthMm: number; heightMm: number; pages: number }[];
  /** Distinct /Rotate values with how many pages have each. */
  rotations: { rotate: 0 | 90 | 180 | 270; pages: number }[];
  /** What may go wrong with this file (English): too coarse to read headers, blank-page removal on, ... */
  warnings: string[];
}

export interface ManifestStudent {
  name: string;
  email: string;
  /** ISO date, yyyy-mm-dd. */
  birthDate: string;
  className: string;
}

export interface ManifestCandidate {
  name: string;
  email: string;
  score: number;
}

export interface ManifestPage {
  /** 1-based index into `sources`. */
  file: number;
  /** 1-based page number inside that source file. */
  source: number;
  /** Which half of the page as a viewer displays it (after /Rotate); `full` for an A4 page. */
  half: Half;
  /** Extra clockwise rotation the station applied, in degrees. */
  rotate: 0 | 90 | 180 | 270;
  blank: boolean;
  /**
   * `sheet` for a page of a folded exam sheet, `annex` for an A4 page attached at the end of its student's
   * copy. Absent means `sheet`. The multiple-of-4 rule counts sheet pages only.
   */
  kind?: 'sheet' | 'annex';
}

/**
 * A rescan: a sheet scanned a second time (a jammed stack fed again, the same sheets in a second file), kept
 * out of every copy. The manifest lists rescans under `setAside` with `reason: 'duplicate'`, and a kept
 * rescan is the decision `keep-rescan`: those persisted names (manifest files, stored plans and decision
 * logs, the database's set_asides table) predate the one word and stay, so files already written still read.
 */
export interface ManifestRescan {
  /**
   * In the reading order of the pages they repeat: the k-th page here repeats the k-th page of that sheet
   * in copy `of`, so an operator who keeps the rescan trades them one for one.
   */
  pages: Pick<ManifestPage, 'file' | 'source' | 'half'>[];
  reason: 'duplicate';
  /** The copy holding the sheet these pages repeat. */
  of: string;
}

/**
 * One reason, warning or violation as data: a stable code (core/review/review-codes.ts lists them) and
 * its variable parts, so a UI can say it in its own language. `other` carries the English as `text`.
 */
export interface ReviewNote {
  code: string;
  params: Record<string, string>;
}

export interface ManifestCopy {
  /** Stable across runs on the same sources: derived from the first source page of the copy. */
  id: string;
  status: CopyStatus;
  student: ManifestStudent | null;
  confidence: number;
  reasons: string[];
  /** `reasons` as data, one for one (absent in manifests written before codes existed). */
  reasonCodes?: ReviewNote[];
  candidates: ManifestCandidate[];
  /** Reading order: P1, P2, P3, P4, P5, ... */
  pages: ManifestPage[];
  /** Path of the copy PDF, relative to the output directory. */
  file: string;
  /**
   * A teacher checked the page order (a decision): present only when true, and only while the pages and
   * their rotations are the ones that were checked.
   */
  pageOrderChecked?: true;
}

export interface ManifestInvariants {
  /** Every half of every source page is in exactly one copy. */
  everyPageOnce: boolean;
  /** Within each copy, sheet pages follow P1, P2, P3, P4 and source order. */
  pagesInOrder: boolean;
  /** Every copy has a multiple of 4 pages, or is flagged needs_review with the reason. */
  multipleOfFour: boolean;
  /** Human-readable description of each violation (empty when all hold). */
  violations: string[];
  /** `violations` as data, one for one. */
  violationCodes?: ReviewNote[];
}

export interface Manifest {
  version: 1;
  sources: ManifestSource[];
  roster: { file: string; students: number };
  copies: ManifestCopy[];
  /** The rescans. Every half of every source page is in exactly one copy or here. Absent means empty. */
  setAside?: ManifestRescan[];
  absent: { name: string; email: string }[];
  warnings: string[];
  /** `warnings` as data, one for one. */
  warningCodes?: ReviewNote[];
  invariants: ManifestInvariants;
}
