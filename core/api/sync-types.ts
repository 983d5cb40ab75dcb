// The sync to the school's Korrigo server as the API shows it (issue 18). Types only, browser-safe: the
// outbox in the store and core/sync use the same names.
import type { WireError } from './wire';

/** Where a copy stands with the server (the outbox's states), or not ready at the station yet. */
export type SyncState =
  'queued' | 'uploading' | 'uploaded' | 'identifying' | 'identified' | 'done' | 'failed';

/**
 * Why a copy is not done (or how it was settled), for the UI to say in the operator's language; the
 * English text beside it says the details (a name, a time, the server's own words).
 */
export type SyncReasonCode =
  /** No student of the server is this roster student: the station never creates one. */
  | 'student-missing'
  /** Several students of the server match: the station never guesses. */
  | 'student-ambiguous'
  /** Not ready at the station (to review, no student). */
  | 'not-ready'
  /** Changed at the station after it was sent: the server's copy needs replacing by a person. */
  | 'changed'
  /** The server refused the request, with its own words in the text. */
  | 'server-refused'
  /** No answer (or a 5xx): the copy stays queued and goes again, once the server shows it did not arrive. */
  | 'no-answer'
  /** A limit of the server (or a Retry-After): the copy waits for the time in the text. */
  | 'waiting'
  /** An upload whose answer was lost and that the server's lists cannot settle: a person checks Korrigo. */
  | 'unsettled'
  /** The server shows something else than the station sent (another student, the copy gone). */
  | 'server-differs'
  /** Uploaded and identified, but the server still lists it in STAGING. */
  | 'still-staging'
  /** The operator said which server copy it is (sync.accept). */
  | 'accepted';

export interface SyncedCopy {
  copyId: string;
  student: string | null;
  state: SyncState | 'not-ready';
  remoteCopyId: string | null;
  /** English: for logs, the CLI and the detail line. */
  reason: string | null;
  reasonCode: SyncReasonCode | null;
  /** Changed at the station after it was sent: it needs replacing on the server by hand. */
  changed: boolean;
}

export type ExamChoice = { exam: string } | { create: { name: string; date: string } };

export interface SyncReport {
  batchId: string;
  server: string;
  exam: { id: string; name: string } | { wouldCreate: { name: string; date: string } };
  copies: SyncedCopy[];
  /** Every ready copy is on the server, identified, and none changed since. */
  complete: boolean;
  logins: number;
  /** When the next request may go, if the sync stopped on a limit. */
  nextRequestAt: string | null;
  dryRun: boolean;
}

export interface SyncProgress {
  stage: 'login' | 'exam' | 'students' | 'upload' | 'settle' | 'identify' | 'verify' | 'wait' | 'done';
  /** English, for logs. */
  message: string;
  copyId?: string;
  /** When the next request may go, while the sync waits. */
  nextAt?: string;
}

/** A server account: the password goes with a call only when typed, never back. */
export interface SyncAccount {
  /** https://... (http only to a loopback address). */
  server: string;
  username: string;
  /**
   * Typed by the operator for this call. Left out, the station uses its open session with the server, or
   * (desktop app) the password kept in the OS keychain.
   */
  password?: string;
  /** Desktop app: keep the typed password in the OS keychain (never in plain text); ignored elsewhere. */
  rememberPassword?: boolean;
}

export interface RemoteExamSummary {
  id: string;
  name: string;
  date: string | null;
  uploadMode: string;
  /** Files the exam has received (individual_pdfs_count). */
  received: number | null;
}

export interface SyncRunArgs extends SyncAccount {
  batchId: string;
  exam: ExamChoice;
  /** Log in, find the exam and the students, say what would go; send and record nothing. */
  dryRun?: boolean;
}

export interface SyncCopyArgs {
  batchId: string;
  copyId: string;
}

export interface SyncAcceptArgs extends SyncCopyArgs {
  /** The server's copy (UUID) the operator found in Korrigo holding this copy as it is now. */
  remoteCopyId: string;
}

export interface SyncStatus {
  batchId: string;
  /** The server, account and exam of the batch's last sync in this station session; null before one. */
  target: { server: string; username: string; exam: { id: string; name: string } | null } | null;
  /** A sync of this batch is running now. */
  running: boolean;
  /** The station holds a live session with the target's server for that account: no password needed. */
  sessionOpen: boolean;
  copies: SyncedCopy[];
  /** When the next request may go, if the last sync stopped on a limit and that time is still ahead. */
  nextRequestAt: string | null;
  /** How the last sync ended, when it failed as a whole (refused login, unreachable server...). */
  lastError: WireError | null;
  /** ISO timestamp of the end of the last sync in this station session. */
  lastRunAt: string | null;
}

export interface SyncRunProgress extends SyncProgress {
  /** One sync.run call. */
  runId: string;
  batchId: string;
}
