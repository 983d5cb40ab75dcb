// The one way tests run `korrigo-station`: in this process (a fresh node per command costs seconds each
// under tsx), in the given folder with the given environment added, as an operator would type it.
// `runBin` spawns the real bin, only for what needs a process of its own: the bin's start, another user.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import { main } from '../../cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The folder the command runs in (relative paths are read from there). */
  cwd?: string;
  /** Added to the environment for the command's run. */
  env?: Record<string, string>;
}

export interface RunningCli {
  /** What it printed so far. */
  printed(): { stdout: string; stderr: string };
  done: Promise<CliResult>;
}

/** Starts a command; `done` settles when it returns (a `watch` when sent SIGTERM with process.emit). */
export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  const printed = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed[stream] += String(chunk);
      return true;
    });
  const spies = [capture('stdout'), capture('stderr')];
  const cwd = process.cwd();
  const env = Object.keys(options.env ?? {}).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, options.env);
  if (options.cwd) process.chdir(options.cwd);
  const done = main(args)
    .then((code) => ({ code, ...printed }))
    .finally(() => {
      process.chdir(cwd);
      for (const [name, value] of env) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      for (const spy of spies) spy.mockRestore();
    });
  return { printed: () => ({ ...printed }), done };
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

const BIN = join(import.meta.dirname, '../../bin/korrigo-station.mjs');

/** The real bin in a child process; `uid`/`gid` run it as another user (root only). */
export async function runBin(
  args: string[],
  options: CliOptions & { uid?: number; gid?: number } = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      ...options,
      env: { ...process.env, ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as CliResult;
    return { code, stdout, stderr };
  }
}
