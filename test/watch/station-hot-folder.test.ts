// The hot folder set from the app: kept in the data dir, watched by a station that watches (the shells'),
// processed through the station's own batches.process, refused to a caller limited to its own files.
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { BatchSummary, HotFolderState } from '../../core/api/contract';
import { createStation } from '../../core/station/station';
import type { Station } from '../../core/station/station';
import { buildScanPdf, sheetSides } from '../pipeline/fixtures';
import { useTempDir } from '../pipeline/temp-dir';
import { writeRoster } from '../store/store-fixture';
import { runCli } from '../cli/run-cli';

const tempDir = useTempDir();

function watchingStation(dataDir: string): Station {
  const station = createStation({
    dataDir,
    log: () => undefined,
    watchHotFolder: true,
    hotFolderTiming: { intervalMs: 50, settleMs: 0 },
  });
  onTestFinished(() => station.shutdown());
  return station;
}

async function call<T>(station: Station, name: string, args: unknown): Promise<T> {
  const reply = await station.dispatch(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
  return reply.result as T;
}

describe('the hot folder set from the app', () => {
  it('watches the folder it is given, processes what the scanner writes, and watches it again after a restart', async () => {
    const dataDir = join(tempDir(), 'data');
    const folder = join(tempDir(), 'scanner');
    await mkdir(folder);
    const roster = await writeRoster(tempDir());
    const first = watchingStation(dataDir);
    expect(await call(first, 'station.hotFolder', {})).toEqual({
      folder: null,
      roster: null,
      watching: false,
      problems: [],
    });
    expect(await call(first, 'station.setHotFolder', { folder, roster })).toEqual({
      folder,
      roster,
      watching: true,
      problems: [],
    });
    await writeFile(join(tempDir(), 'SKM1.pdf'), (await buildScanPdf(sheetSides(1, { rotate: 270 }))).bytes);
    await copyFile(join(tempDir(), 'SKM1.pdf'), join(folder, 'SKM1.pdf'));
    await expect
      .poll(async () => (await call<BatchSummary[]>(first, 'batches.list', {})).length, { timeout: 60_000 })
      .toBe(1);
    await first.shutdown();

    const again = watchingStation(dataDir);
    expect(await call<HotFolderState>(again, 'station.hotFolder', {})).toEqual({
      folder,
      roster,
      watching: true,
      problems: [],
    });
    expect(await call(again, 'station.setHotFolder', { folder: null })).toEqual({
      folder: null,
      roster: null,
      watching: false,
      problems: [],
    });
  }, 90_000);

  it('refuses a folder it cannot watch, and refuses any choice to a caller limited to its own files', async () => {
    const station = watchingStation(join(tempDir(), 'data'));
    const roster = await writeRoster(tempDir());
    const set = (args: unknown, rights = {}) => station.dispatch('station.setHotFolder', args, rights);
    const code = async (args: unknown, rights = {}) => {
      const reply = await set(args, rights);
      return reply.ok ? 'ok' : reply.error.code;
    };
    expect(await code({ folder: join(tempDir(), 'nowhere'), roster })).toBe('file-not-found');
    expect(await code({ folder: roster, roster })).toBe('bad-arguments');
    expect(await code({ folder: 'scanner', roster })).toBe('bad-arguments');
    expect(await code({ folder: tempDir(), roster: join(tempDir(), 'no.csv') })).toBe('file-not-found');
    // A browser: even files it may read do not let it choose what the station watches, nor stop it.
    const browser = { mayRead: async () => true };
    expect(await code({ folder: tempDir(), roster }, browser)).toBe('forbidden');
    expect(await code({ folder: null }, browser)).toBe('forbidden');
    expect((await station.dispatch('station.hotFolder', {}, browser)).ok).toBe(true);
    expect(await call(station, 'station.hotFolder', {})).toMatchObject({ folder: null, watching: false });
  });

  it('keeps its unsettled problems as data, pushes them, and drops those that are over', async () => {
    const station = watchingStation(join(tempDir(), 'data'));
    const folder = join(tempDir(), 'scanner');
    await mkdir(folder);
    const roster = await writeRoster(tempDir());
    const pushed: HotFolderState[] = [];
    const unsubscribe = station.subscribe((push) => {
      if (push.event === 'hotFolder.changed') pushed.push(push.payload as HotFolderState);
    });
    onTestFinished(unsubscribe);
    await call(station, 'station.setHotFolder', { folder, roster });
    const problems = async () => (await call<HotFolderState>(station, 'station.hotFolder', {})).problems;

    await writeFile(join(folder, 'notes.pdf'), 'not a PDF at all');
    await expect.poll(problems, { timeout: 20_000 }).toHaveLength(1);
    const [refused] = await problems();
    expect(refused).toEqual({
      code: 'files-refused',
      params: { files: 'notes.pdf', error: 'not-a-pdf', detail: expect.stringContaining('notes.pdf') },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Pushed as it is kept (the push may arrive just after a call that asked).
    await expect.poll(() => pushed.at(-1)?.problems).toEqual([refused]);

    await rename(folder, `${folder}-unplugged`);
    const codes = async () => (await problems()).map((problem) => problem.code);
    // Looked at every 50 ms, on a machine that may be busy.
    await expect.poll(codes, { timeout: 20_000 }).toEqual(['folder-unavailable', 'files-refused']);
    expect((await problems())[0]!.params).toEqual({
      cause: 'missing',
      detail: 'it does not exist (any more)',
    });
    await rename(`${folder}-unplugged`, folder);
    await expect.poll(codes, { timeout: 20_000 }).toEqual(['files-refused']);
    await expect
      .poll(() => pushed.at(-1)?.problems.map((problem) => problem.code))
      .toEqual(['files-refused']);
    // A new folder starts with none.
    expect(
      (await call<HotFolderState>(station, 'station.setHotFolder', { folder, roster })).problems,
    ).toEqual([]);
  });

  it('is set, shown and stopped from the command line, for the station of that data dir', async () => {
    const dataDir = join(tempDir(), 'data');
    const db = join(dataDir, 'station.sqlite');
    const folder = join(tempDir(), 'scanner');
    await mkdir(folder);
    const roster = await writeRoster(tempDir());
    expect(await runCli(['hot-folder', folder, '--roster', roster, '--db', db])).toEqual({
      code: 0,
      stdout: `Hot folder: ${folder}\nRoster: ${roster}\n`,
      stderr: '',
    });
    // The desktop app or serve on that data dir watches it.
    const station = watchingStation(dataDir);
    expect(await call(station, 'station.hotFolder', {})).toEqual({
      folder,
      roster,
      watching: true,
      problems: [],
    });
    await station.shutdown();
    const shown = await runCli(['hot-folder', '--json', '--db', db]);
    expect(JSON.parse(shown.stdout)).toEqual({ folder, roster, watching: false, problems: [] });
    expect((await runCli(['hot-folder', '--stop', '--db', db])).stdout).toBe(
      'No hot folder: the station watches no folder.\n',
    );
    const refused = await runCli(['hot-folder', folder, '--db', db]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      'korrigo-station: error: --roster <students.csv> is required with a folder; see korrigo-station hot-folder --help\n',
    ]);
  });
});
