// What an operator can decide about a batch's copies. Pages are named by where they come from (scan file,
// page, half), which never changes; copies by their id at the time of the decision, which the log's order
// makes unambiguous (an id follows the copy's first page).
import type { Half, ManifestCopy, ManifestRescan, ManifestStudent } from '../manifest';

export type Rotation = 0 | 90 | 180 | 270;

export interface PageRef {
  file: number;
  source: number;
  half: Half;
}

export type Decision =
  /** `student: null` takes the assignment back. */
  | { kind: 'assign-student'; copyId: string; student: ManifestStudent | null }
  /** Also reorders, when the target is the page's own copy; `toIndex` counts once the page is taken out. */
  | { kind: 'move-page'; page: PageRef; toCopyId: string; toIndex: number }
  /**
   * Several pages moved together as one entry of the log (one undo): they land side by side, in the order
   * given, at `toIndex` of `toCopyId` counted once all of them are taken out of their copies.
   */
  | { kind: 'move-pages'; pages: PageRef[]; toCopyId: string; toIndex: number }
  /** Clockwise, on top of how the scan displays the page. */
  | { kind: 'rotate-page'; page: PageRef; rotate: Rotation }
  | { kind: 'mark-blank'; page: PageRef; blank: boolean }
  /** Pages from index `at` on become a new copy, right after this one. */
  | { kind: 'split-copy'; copyId: string; at: number }
  /** Appends the pages of `copyId` to `intoCopyId`. */
  | { kind: 'merge-copies'; copyId: string; intoCopyId: string }
  | { kind: 'validate-copy'; copyId: string }
  /**
   * The review desk's "accept": the student assigned (when not already) and the copy validated, as one
   * entry of the log, so one undo takes both back.
   */
  | { kind: 'accept'; copyId: string; student: ManifestStudent }
  /**
   * A teacher looked at the copy's pages in reading order and found them right (`checked: false` takes
   * the mark back). Any later change to the copy's pages or their rotation drops the mark.
   */
  | { kind: 'check-page-order'; copyId: string; checked: boolean }
  /**
   * The operator read the header and the student is on no roster of the batch (another class, a late
   * enrolment): the copy stays without a student, says why, and leaves the review queue.
   */
  | { kind: 'not-on-roster'; copyId: string }
  /**
   * Keeps the rescan holding page `setAside` instead of the scan of the sheet it repeats, whose first page
   * is `replaces` (in the copy the rescan is `of`): the two trade places, the first scan becomes the rescan.
   * Named by a page, as a copy of several sheets has several the rescan could repeat.
   */
  | { kind: 'keep-rescan'; setAside: PageRef; replaces: PageRef };

/** What decisions change: the copies, and the rescans kept out of them. */
export interface DecidedCopies {
  copies: ManifestCopy[];
  rescans: ManifestRescan[];
}

/** Undo and redo are entries of the log too, naming the entry they take back or bring back. */
export type HistoryAction = { kind: 'undo'; target: number } | { kind: 'redo'; target: number };

export type LogAction = Decision | HistoryAction;

export interface LogEntry {
  /** Position in the database's log: increasing, never reused. */
  seq: number;
  /** ISO timestamp. */
  at: string;
  operator: string;
  action: LogAction;
}

/**
 * A decision that does not apply to the copies as they are: the operator is told why. Naming a copy that
 * is not there is told apart (a stale id, often: copies are renamed by the decisions that change them).
 */
export class DecisionRefused extends Error {
  readonly copyNotFound: boolean;

  constructor(problem: string, options: { copyNotFound?: boolean } = {}) {
    super(problem);
    this.name = 'DecisionRefused';
    this.copyNotFound = options.copyNotFound ?? false;
  }
}
