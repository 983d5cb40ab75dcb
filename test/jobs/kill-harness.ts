// Runs test/jobs/process-entry.ts as a real process the kill tests SIGKILL, and sums up what a run left:
// the output folder as file -> hash, and what the store holds.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const REPO = join(import.meta.dirname, '../..');
const ENTRY = join(import.meta.dirname, 'process-entry.ts');

export interface Run {
  /** Lines the run printed on stderr (progress, or an error). */
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From its first line to its end, in ms: the span a kill `afterMs` can land in. */
  msAfterFirstLine: number;
}

export interface Kill {
  /** The process kills itself right after this many lines. */
  afterLines?: number;
  /** The test kills it this long after its first line (the scans are loading). */
  afterMs?: number;
}

/** `dir` holds station.sqlite, eleves.csv, out/ and the scans, by these names. */
export function runEntry(dir: string, scans: string[], kill: Kill = {}, identify = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = ['station.sqlite', 'eleves.csv', 'out', ...scans].map((name) => join(dir, name));
    const env = {
      ...process.env,
      KORRIGO_TEST_KILL_AFTER_LINES: String(kill.afterLines ?? 0),
      KORRIGO_TEST_IDENTIFY: identify ? '1' : '0',
    };
    // From the repository, where `--import tsx` resolves; every path is absolute.
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let pending = '';
    let firstLineAt: number | undefined;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (firstLineAt === undefined) {
        firstLineAt = Date.now();
        if (kill.afterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
      }
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      lines.push(...parts);
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ lines, code, signal, msAfterFirstLine: Date.now() - (firstLineAt ?? Date.now()) }),
    );
  });
}

export interface SideReadingRow {
  side_key: string;
  read_by: string;
  read_at: string;
}

/** Which sides the store holds a reading of, who read each and when. */
export function sideReadingRows(dir: string): SideReadingRow[] {
  const db = new Database(join(dir, 'station.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT side_key, read_by, read_at FROM side_readings ORDER BY side_key')
      .all() as SideReadingRow[];
  } finally {
    db.close();
  }
}

export async function outcome(dir: string) {
  const files: Record<string, string> = {};
  for (const name of await readdir(join(dir, 'out'), { recursive: true })) {
    const path = join(dir, 'out', name);
    if ((await stat(path)).isFile())
      files[name] = createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
  }
  const db = new Database(join(dir, 'station.sqlite'), { readonly: true });
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const store = {
    batches: count('batches'),
    scans: count('scans'),
    pages: count('pages'),
    copies: count('copies'),
    copyPages: count('copy_pages'),
    sideReadings: count('side_readings'),
    jobs: db.prepare('SELECT state, stage FROM jobs').all(),
    scanFiles: (await readdir(join(dir, 'scans'))).length,
  };
  db.close();
  return { files, store };
}

/** Whether the run in `dir` got as far as marking its one job done (no store yet: not done). */
export function jobDone(dir: string): boolean {
  const path = join(dir, 'station.sqlite');
  if (!existsSync(path)) return false;
  const db = new Database(path, { readonly: true });
  try {
    const jobs = db.prepare('SELECT state FROM jobs').all() as { state: string }[];
    return jobs.length === 1 && jobs[0]!.state === 'done';
  } catch {
    // Killed before the store's tables were made.
    return false;
  } finally {
    db.close();
  }
}
