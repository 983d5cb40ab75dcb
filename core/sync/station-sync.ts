// The sync as a long-lived station (the desktop app's core host, `korrigo-station serve`) runs it: one
// session per server and account kept between syncs, the last target and outcome of each batch for the
// panel, and the progress of a running sync pushed to every window.
import { randomUUID } from 'node:crypto';
import type {
  RemoteExamSummary,
  SyncAccount,
  SyncReport,
  SyncRunArgs,
  SyncRunProgress,
  SyncStatus,
} from '../api/sync-types';
import { toWireError } from '../api/wire';
import { KorrigoError } from '../errors';
import type { Store } from '../store/open-store';
import { findBatch } from '../store/batch-rows';
import { batchNotFoundError } from '../store/store-errors';
import { copyStates } from './copy-states';
import { KorrigoApi } from './korrigo-api';
import { Pacing } from './pacing';
import { runSync } from './run-sync';
import type { SyncOptions } from './run-sync';
import { serverOrigin } from './server-origin';
import { KorrigoSessions } from './session-pool';
import { acceptSent, forgetSent } from './settle-by-hand';

type LastSync = NonNullable<SyncStatus['target']> & {
  nextRequestAt: string | null;
  lastError: SyncStatus['lastError'];
  at: string;
};

export class StationSync {
  private readonly sessions = new KorrigoSessions();
  private readonly last = new Map<string, LastSync>();
  private readonly running = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly emit: (progress: SyncRunProgress) => void,
    /** Tests scale the sync's timing down. */
    private readonly options: SyncOptions = {},
  ) {}

  /** The server's exams (for the panel's picker), through the account's session. */
  async exams(account: SyncAccount): Promise<RemoteExamSummary[]> {
    const origin = serverOrigin(account.server);
    const session = this.sessions.take(
      { origin, username: account.username },
      account.password,
      this.options,
    );
    const pacing = new Pacing(this.store, { server: origin, username: account.username }, this.options);
    // No sync waits here for the login limit: the panel says when to come back.
    session.beforeLogin = () => {
      const at = pacing.nextSlot('login');
      if (at.getTime() > this.store.now().getTime()) {
        throw new KorrigoError(
          'server-unreachable',
          `the server's login limit: the next login may go at ${at.toISOString()}`,
        );
      }
      pacing.spend('login');
    };
    try {
      const exams = await new KorrigoApi(session).exams();
      return exams.map((exam) => ({
        id: exam.id,
        name: exam.name,
        date: exam.date ?? null,
        uploadMode: exam.upload_mode,
        received: exam.individual_pdfs_count ?? null,
      }));
    } catch (error) {
      if (error instanceof KorrigoError && error.code === 'login-refused') {
        this.sessions.drop({ origin, username: account.username });
      }
      throw error;
    } finally {
      session.beforeLogin = undefined;
    }
  }

  async run(args: SyncRunArgs): Promise<SyncReport> {
    const { batchId } = args;
    if (!findBatch(this.store.db, batchId)) throw batchNotFoundError(this.store.path, batchId);
    const runId = randomUUID();
    const target = { server: args.server, username: args.username, exam: null };
    this.running.add(batchId);
    try {
      const report = await runSync(
        this.store,
        {
          server: args.server,
          username: args.username,
          ...(args.password ? { password: args.password } : {}),
          exam: args.exam,
          batchId,
          dryRun: args.dryRun ?? false,
        },
        {
          ...this.options,
          sessions: this.sessions,
          onProgress: (event) => this.emit({ ...event, runId, batchId }),
        },
      );
      this.last.set(batchId, {
        ...target,
        server: report.server,
        exam: 'id' in report.exam ? report.exam : (this.last.get(batchId)?.exam ?? null),
        nextRequestAt: report.nextRequestAt,
        lastError: null,
        at: this.store.now().toISOString(),
      });
      return report;
    } catch (error) {
      this.last.set(batchId, {
        ...target,
        exam: this.last.get(batchId)?.exam ?? null,
        nextRequestAt: null,
        // Its message is the station's own English (no secret: the session never puts the password in one).
        lastError: toWireError(error, () => undefined),
        at: this.store.now().toISOString(),
      });
      throw error;
    } finally {
      this.running.delete(batchId);
    }
  }

  /** The batch's last sync again, to the same server, account and exam. */
  async retry(batchId: string, password: string | undefined): Promise<SyncReport> {
    const last = this.last.get(batchId);
    if (!last?.exam) {
      throw new KorrigoError(
        'bad-arguments',
        `batch ${batchId} has no sync to retry since the station started`,
        {
          hint: 'run a sync with its server, account and exam',
        },
      );
    }
    return this.run({
      batchId,
      server: last.server,
      username: last.username,
      ...(password ? { password } : {}),
      exam: { exam: last.exam.id },
    });
  }

  status(batchId: string): SyncStatus {
    if (!findBatch(this.store.db, batchId)) throw batchNotFoundError(this.store.path, batchId);
    const last = this.last.get(batchId);
    const ahead = last?.nextRequestAt && Date.parse(last.nextRequestAt) > this.store.now().getTime();
    return {
      batchId,
      target: last ? { server: last.server, username: last.username, exam: last.exam } : null,
      running: this.running.has(batchId),
      sessionOpen: last ? this.isOpen(last.server, last.username) : false,
      copies: copyStates(this.store, batchId),
      nextRequestAt: ahead ? last.nextRequestAt : null,
      lastError: last?.lastError ?? null,
      lastRunAt: last?.at ?? null,
    };
  }

  forget(batchId: string, copyId: string): SyncStatus {
    forgetSent(this.store, batchId, copyId);
    return this.status(batchId);
  }

  accept(batchId: string, copyId: string, remoteCopyId: string): SyncStatus {
    acceptSent(this.store, batchId, copyId, remoteCopyId);
    return this.status(batchId);
  }

  /** Logs every kept session out (best effort). */
  close(): Promise<void> {
    return this.sessions.closeAll();
  }

  private isOpen(server: string, username: string): boolean {
    try {
      return this.sessions.isOpen({ origin: serverOrigin(server), username });
    } catch {
      return false;
    }
  }
}
