// The station's API as the shells see it: method name -> (args) => Promise<result>, the push events, and
// the bridge every transport implements. Types only, and nothing here may import Node: the renderer
// compiles this file without Node types.
import type { Decision, LogEntry, Rotation } from '../decisions/decision';
import type { Half, Manifest, ManifestStudent, ReviewNote } from '../manifest';
import type { ProgressEvent } from '../pipeline/process-options';
import type {
  RemoteExamSummary,
  SyncAcceptArgs,
  SyncAccount,
  SyncCopyArgs,
  SyncReport,
  SyncRunArgs,
  SyncRunProgress,
  SyncStatus,
} from './sync-types';
import type { WireReply } from './wire';

// The renderer may import core/api only: what it needs of the manifest and the pipeline comes through here.
export type {
  CopyStatus,
  Half,
  Manifest,
  ManifestCandidate,
  ManifestCopy,
  ManifestPage,
  ManifestRescan,
  ManifestSource,
  ManifestStudent,
  ReviewNote,
} from '../manifest';
export type { ProcessStage } from '../pipeline/process-options';
export type { Decision, LogAction, LogEntry, PageRef, Rotation } from '../decisions/decision';
export type * from './sync-types';

/** Arguments of a method that takes none: callers pass `{}`. */
export type NoArgs = Record<string, never>;

export interface StationInfo {
  version: string;
  /** Where this station keeps its database, scans, exports and uploads. */
  dataDir: string;
}

/** `imported`: the scans are stored but no copies were made yet (a run that stopped, the hot folder). */
export type BatchState = 'imported' | 'planned';

export interface BatchSummary {
  batchId: string;
  /** ISO timestamp of the import. */
  createdAt: string;
  state: BatchState;
  /** Scanner file names, in stack order. */
  sources: string[];
  /** The roster's file name. */
  roster: string;
  copies: number;
  ready: number;
  needsReview: number;
  /** Copies whose current PDF the Korrigo server has. */
  synced: number;
  /** null while the batch has no copies yet. */
  invariantsHold: boolean | null;
}

export interface BatchDetail {
  batchId: string;
  createdAt: string;
  /** The manifest built from the store; `copies[].file` is served under batchFileUrl(batchId, file). */
  manifest: Manifest;
  /** Whether copies.undo / copies.redo have something to act on. */
  canUndo: boolean;
  canRedo: boolean;
  /**
   * The last log entry these copies include (0: none): of two answers about one batch, the one with the
   * higher `seq` is the newer, whatever order they arrive in.
   */
  seq: number;
}

export interface BatchHistory {
  /** Every decision, undo and redo of the batch, oldest first. */
  log: LogEntry[];
  /** The log entry undo and redo would act on now. */
  undoable: number | null;
  redoable: number | null;
}

export interface ProcessBatchArgs {
  /** Scanner PDFs on the station's disk, in stack order. */
  scans: string[];
  /** Pronote roster CSV on the station's disk. */
  roster: string;
  /**
   * Where to write the copy PDFs and manifest.json (created if missing); default: the station's own folder
   * for the batch. Only callers that may choose where the station writes (the CLI, the desktop app).
   */
  outDir?: string;
  /** Read the headers to find each copy's student (default true); see ProcessOptions.identify. */
  identify?: boolean;
}

export interface ExportBatchArgs {
  batchId: string;
  /** As ProcessBatchArgs.outDir, but required. */
  outDir: string;
}

export interface BatchIdArgs {
  batchId: string;
}

export interface GetBatchArgs extends BatchIdArgs {
  /**
   * false: the copies as the store has them now, without waiting for the copy PDFs a decision changed to
   * be rewritten (a window following another's decisions). Default true: the files match the manifest.
   */
  waitForFiles?: boolean;
}

export interface DecideArgs {
  batchId: string;
  decision: Decision;
}

export interface StationHandlers {
  'station.info': (args: NoArgs) => Promise<StationInfo>;
  /** The folder the station watches for scanner PDFs, if one is set. */
  'station.hotFolder': (args: NoArgs) => Promise<HotFolderState>;
  /**
   * Sets (or, with `folder: null`, stops and forgets) the folder the station watches and the roster its
   * batches are made with; kept in the data dir. A caller limited to its own files (a browser) may not:
   * the station would read whatever that folder holds.
   */
  'station.setHotFolder': (args: HotFolderArgs) => Promise<HotFolderState>;
}

export interface HotFolderState {
  folder: string | null;
  roster: string | null;
  /** Whether this station is looking at the folder now (the desktop app and `serve` do). */
  watching: boolean;
  /** What went wrong lately and is not settled yet (files refused, folder or roster unreadable), newest first. */
  problems: HotFolderProblem[];
}

/**
 * A hot folder problem as data, for a UI to say in its own language: `files-refused` {files, error, detail},
 * `folder-unavailable` {cause: missing | denied | other, detail}, `roster-unreadable` {error, detail}, where
 * `error` is an ErrorCode and `detail` the station's English (it names the file).
 */
export interface HotFolderProblem extends ReviewNote {
  /** When it happened, ISO 8601. */
  at: string;
}

/** Absolute paths, as the OS dialogs give them. */
export type HotFolderArgs = { folder: string; roster: string } | { folder: null };

export interface BatchesHandlers {
  /**
   * Imports the scans into the store (the same scans again find the same batch) and makes its copies,
   * pushing `batch.progress` while it runs.
   */
  'batches.process': (args: ProcessBatchArgs) => Promise<BatchDetail>;
  /**
   * Writes the batch's copies as they stand (every decision applied) into `outDir`, pushing
   * `batch.progress`; copies an earlier export there already holds are kept.
   */
  'batches.export': (args: ExportBatchArgs) => Promise<BatchDetail>;
  /** Batches of the station's store, newest first. */
  'batches.list': (args: NoArgs) => Promise<BatchSummary[]>;
  'batches.get': (args: GetBatchArgs) => Promise<BatchDetail>;
  'batches.history': (args: BatchIdArgs) => Promise<BatchHistory>;
  /** The batch's roster, in file order: the students a copy may be assigned to, exactly as the store has them. */
  'batches.roster': (args: BatchIdArgs) => Promise<ManifestStudent[]>;
}

/** The batch once a decision, undo or redo is applied, and what the call appended to its log. */
export interface DecisionApplied extends BatchDetail {
  /** The log entry this call appended: the decision, or the undo or redo. */
  entry: LogEntry;
  /** For an undo or a redo: the entry it took back or brought back; null for a decision. */
  target: LogEntry | null;
}

/** Operator decisions: each is recorded in the batch's log (by the station's OS user) and applied. */
export interface CopiesHandlers {
  'copies.decide': (args: DecideArgs) => Promise<DecisionApplied>;
  'copies.undo': (args: BatchIdArgs) => Promise<DecisionApplied>;
  'copies.redo': (args: BatchIdArgs) => Promise<DecisionApplied>;
  /** What the reader read on the copy's pages: its header cell by cell, page boxes, what it missed. */
  'copies.reading': (args: CopyArgs) => Promise<CopyReading>;
}

/**
 * `small` for the strips (about 240 px high), `large` for a page looked at (about 1400 px high), `band`
 * for the bottom of a page alone where its "Page n / N" boxes are (PAGE_BOX_BAND, at the large size's scale).
 */
export type ThumbnailSize = 'small' | 'large' | 'band';

export interface ThumbnailArgs {
  /** The scan file's sha256 (the manifest's `sources[].sha256`). */
  sha256: string;
  /** 1-based page of that file. */
  page: number;
  half: Half;
  rotate: Rotation;
  /** Absent means small (the strips); large for a page looked at. */
  size?: ThumbnailSize;
}

/** One box as the reader read it: its most likely character, or null when the box is most likely empty. */
export interface CellGuess {
  char: string | null;
  /** The probability of that: of the character (written and this one), or of the box being empty. */
  confidence: number;
  /**
   * Where the box lies on the copy's first page as it is shown now (turned as the copy turns it), in
   * fractions of its width and height from the top-left corner. Absent when the reading kept no boxes
   * (read before they were kept) or the copy's first page is not the page the header was read on.
   */
  box?: PagePart;
}

/** A part of a page, in fractions (0..1) of its width and height from its top-left corner. */
export interface PagePart {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A printed field the finders did not find on a side, and why (core/identify's FinderMiss). */
export interface ReadingMiss {
  field: 'header' | 'lastName' | 'firstName' | 'birthDate' | 'pageBox';
  code: 'no-boxes' | 'no-name-row' | 'no-date-boxes' | 'no-pair';
  params: Record<string, number>;
}

/** What was read on one page of a copy. */
export interface PageReading {
  /** The page box's "n / N" (null: not found on the page, or the side was never read). */
  pageBox: {
    number: number | null;
    total: number | null;
    /** Where the number's and the total's boxes lie on the page as shown now (as a header cell's `box`). */
    boxes?: { number: PagePart; total: PagePart };
    /** How likely the number and the total are to be what is said (1 for a box left empty). */
    confidence: { number: number; total: number };
  } | null;
  /** Printed fields the finders missed on this page (the header's on the page that should carry it). */
  missing: ReadingMiss[];
  /** What the side this page is half of was taken for; unread when no reading was kept. */
  role: 'recto' | 'verso' | 'unknown' | 'unread';
}

/** The reader's view of a copy, rebuilt from the scan's side readings and the copy as decided. */
export interface CopyReading {
  /** The boxed header of the copy's first page, cell by cell; null when none was read there. */
  header: {
    lastName: CellGuess[];
    firstName: CellGuess[];
    birthDate: CellGuess[];
    empty: boolean;
  } | null;
  /** One per page of the copy, in its order. */
  pages: PageReading[];
  /**
   * The roster's e-mails, the most likely writer first by the header's reading (the evidence the reader
   * matched with: names and birth date); empty when the header was left empty or not read.
   */
  likely: string[];
}

export interface CopyArgs {
  batchId: string;
  copyId: string;
}

export interface PagesHandlers {
  /**
   * Makes (or finds in the cache) a page's thumbnail, a WebP about 240 px high, and returns its URL,
   * served on both hosts. Made one at a time in the order asked: ask for what the screen shows first.
   */
  'pages.thumbnail': (args: ThumbnailArgs) => Promise<{ url: string }>;
  /**
   * The caller no longer waits for its `pages.thumbnail` call of this key (the page left the screen): once
   * no caller waits for it and it is not being made, it is not made, and the calls fail with `withdrawn`.
   * `withdrawn` says whether it was so dropped. A list scrolled fast then does not make what it passed.
   * (Over HTTP, a thumbnail's GET that the browser abandons is withdrawn the same way.)
   */
  'pages.withdrawThumbnail': (args: ThumbnailArgs) => Promise<{ withdrawn: boolean }>;
}

/**
 * The sync to the school's Korrigo server (issue 18). The station keeps one session per server and account
 * between syncs; a password is needed only when it has none (or, in the desktop app, comes from the OS
 * keychain), and is never returned, logged or stored in plain text.
 */
export interface SyncHandlers {
  /** The server's exams, for the operator to pick one (only INDIVIDUAL_A4 ones can take copies). */
  'sync.exams': (args: SyncAccount) => Promise<RemoteExamSummary[]>;
  /** Sends the batch's ready copies, each once, identified; pushes `sync.progress` while it runs. */
  'sync.run': (args: SyncRunArgs) => Promise<SyncReport>;
  /** Per-copy state, reasons, CHANGED flags, when the next request may go, the last error. */
  'sync.status': (args: BatchIdArgs) => Promise<SyncStatus>;
  /** The batch's last sync again (same server, account and exam). */
  'sync.retry': (args: BatchIdArgs & { password?: string }) => Promise<SyncReport>;
  /** The operator checked Korrigo: the server does not have this copy; the next sync plans it afresh. */
  'sync.forget': (args: SyncCopyArgs) => Promise<SyncStatus>;
  /** The operator checked Korrigo: this server copy holds the copy as it is now; the next sync identifies it. */
  'sync.accept': (args: SyncAcceptArgs) => Promise<SyncStatus>;
}

export type KorrigoApi = StationHandlers & BatchesHandlers & CopiesHandlers & PagesHandlers & SyncHandlers;
export type MethodName = keyof KorrigoApi;
export type ArgsOf<K extends MethodName> = Parameters<KorrigoApi[K]>[0];
export type ResultOf<K extends MethodName> = Awaited<ReturnType<KorrigoApi[K]>>;

export interface BatchProgress extends ProgressEvent {
  /** One `batches.process` (or rebuild) call: a caller follows its own run by the first id it sees. */
  runId: string;
  /** null while the scans are read: a batch is named by their content. */
  batchId: string | null;
}

/** A decision, undo or redo changed a batch's copies: every window showing it reloads it. */
export interface BatchChanged {
  batchId: string;
  /** The log entry that changed it. */
  seq: number;
}

export interface KorrigoEvents {
  'batch.progress': BatchProgress;
  'batch.changed': BatchChanged;
  'sync.progress': SyncRunProgress;
  /** The hot folder's setting or problems changed. */
  'hotFolder.changed': HotFolderState;
}
export type EventName = keyof KorrigoEvents;

/**
 * What every transport offers (in-process, HTTP, Electron IPC). `invoke` never throws: failures come
 * back as `{ ok: false, error }`, plain data that survives structured clone and JSON alike.
 */
export interface KorrigoBridge {
  readonly version: string;
  invoke<K extends MethodName>(name: K, args: ArgsOf<K>): Promise<WireReply<ResultOf<K>>>;
  on<E extends EventName>(event: E, listener: (payload: KorrigoEvents[E]) => void): () => void;
}

export interface PickFilesOptions {
  title: string;
  /** File extensions without the dot, e.g. ['pdf']. */
  extensions: string[];
  multiple: boolean;
}

/** The Electron preload's bridge: the OS file dialog gives real paths, so no upload is needed. */
export interface KorrigoDesktopBridge extends KorrigoBridge {
  /** Absolute paths in the order the dialog returned them; empty when cancelled. */
  pickFiles(options: PickFilesOptions): Promise<string[]>;
  /** The folder chosen in the OS dialog (granted to the station), null when cancelled. */
  pickFolder(title: string): Promise<string | null>;
  /** Tells the shell which language the UI shows: the native menu speaks it too. */
  setLanguage(language: string): void;
  /**
   * The paths of files dropped on the window (the OS knows them; a page cannot make one up), granted to
   * the station as a dialog's picks are. Files with no path (made by the page) are left out.
   */
  droppedFiles(files: readonly File[]): Promise<string[]>;
}

/** One event as it travels (SSE message, IPC message). */
export interface WirePush<E extends EventName = EventName> {
  event: E;
  payload: KorrigoEvents[E];
}

/** Any event as it travels. */
export type AnyPush = { [E in EventName]: WirePush<E> }[EventName];
