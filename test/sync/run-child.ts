// Runs the CLI or the sync entry as a real process, for kill and concurrency tests.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '../..');

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ChildOptions {
  password: string;
  /** SIGKILL the process once its stderr has a line matching this. */
  killOn?: RegExp;
  /** ... this long after that line (the request it announced is in flight). */
  killDelayMs?: number;
}

export function runChild(args: string[], options: ChildOptions): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: REPO,
      env: { ...process.env, KORRIGO_PASSWORD: options.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (options.killOn && !killing && options.killOn.test(stderr)) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), options.killDelayMs ?? 0);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export const SYNC_ENTRY = join(import.meta.dirname, 'sync-entry.ts');
export const CLI = join(REPO, 'bin/korrigo-station.mjs');
