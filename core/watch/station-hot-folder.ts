// The hot folder the station itself watches, as set from the app (the desktop shell and `serve` turn
// watching on): the same loop as `korrigo-station watch`, processing through the same `batches.process`.
// Setting a new folder stops the old loop first; the setting survives a restart.
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { HotFolderProblem, HotFolderState } from '../api/contract';
import { KorrigoError } from '../errors';
import { loadRoster } from '../roster/load-roster';
import type { Store } from '../store/open-store';
import { createHotFolder } from './hot-folder';
import type { HotFolderEvent, ProcessScans } from './hot-folder';
import { withEvent } from './hot-folder-problems';
import { readHotFolderSetting, writeHotFolderSetting } from './hot-folder-setting';
import type { HotFolderSetting } from './hot-folder-setting';

export interface HotFolderTiming {
  /** Time between two looks at the folder. */
  intervalMs: number;
  /** How long the folder stays unchanged before its new files form a batch. */
  settleMs: number;
}

/** As `korrigo-station watch` looks by default. */
export const WATCH_TIMING: HotFolderTiming = { intervalMs: 2_000, settleMs: 10_000 };

export interface StationHotFolderOptions {
  dataDir: string;
  store: Store;
  process: ProcessScans;
  /** false: the setting is kept but nothing is watched (a test process, the CLI's own stations). */
  watch: boolean;
  timing?: HotFolderTiming;
  onEvent: (event: HotFolderEvent) => void;
  /** The state changed (a folder set or stopped, a problem came or went): windows show it. */
  onChange: (state: HotFolderState) => void;
  log: (error: unknown) => void;
}

export interface StationHotFolder {
  state(): Promise<HotFolderState>;
  /** null stops watching and forgets the folder. Refuses a folder or roster it could not use. */
  set(setting: HotFolderSetting | null): Promise<HotFolderState>;
  /** Stops watching (the station closes); the setting stays for the next start. */
  stop(): Promise<void>;
}

export function createStationHotFolder(options: StationHotFolderOptions): StationHotFolder {
  const timing = options.timing ?? WATCH_TIMING;
  let running: { controller: AbortController; done: Promise<void> } | null = null;
  let loading: Promise<void> | null = null;
  /** The watched folder's, since it was set (or the station started). */
  let problems: HotFolderProblem[] = [];

  const stop = async () => {
    const current = running;
    running = null;
    current?.controller.abort();
    await current?.done;
  };

  const start = (setting: HotFolderSetting) => {
    const controller = new AbortController();
    const folder = createHotFolder({
      store: options.store,
      process: options.process,
      ...setting,
      settleMs: timing.settleMs,
      onEvent: (event) => {
        options.onEvent(event);
        const next = withEvent(problems, event, options.store.now().toISOString());
        if (JSON.stringify(next) === JSON.stringify(problems)) return;
        problems = next;
        void state().then(options.onChange, options.log);
      },
    });
    const done = folder.run(timing.intervalMs, controller.signal).catch(options.log);
    running = { controller, done };
  };

  /**
   * The kept setting, watched once read (the station reads it at once when it watches). Every call waits
   * for that one reading: a state asked meanwhile must not say the folder is not watched.
   */
  const ensureLoaded = () =>
    (loading ??= readHotFolderSetting(options.dataDir).then((kept) => {
      if (kept && options.watch) start(kept);
    }));

  const state = async (): Promise<HotFolderState> => {
    await ensureLoaded();
    const setting = await readHotFolderSetting(options.dataDir);
    return {
      folder: setting?.folder ?? null,
      roster: setting?.roster ?? null,
      watching: running !== null,
      problems,
    };
  };

  if (options.watch) void ensureLoaded().catch(options.log);

  return {
    state,
    async set(setting) {
      await ensureLoaded();
      const checked = setting && (await usable(setting));
      await stop();
      problems = [];
      await writeHotFolderSetting(options.dataDir, checked);
      if (checked && options.watch) start(checked);
      const now = await state();
      options.onChange(now);
      return now;
    },
    stop,
  };
}

/** The setting with absolute paths, once the folder is a folder and the roster a roster. */
async function usable(setting: HotFolderSetting): Promise<HotFolderSetting> {
  for (const path of [setting.folder, setting.roster]) {
    if (!isAbsolute(path)) throw new KorrigoError('bad-arguments', `${path} is not an absolute path`);
  }
  const folder = await stat(setting.folder).catch(() => null);
  if (!folder) throw new KorrigoError('file-not-found', `${setting.folder} does not exist`);
  if (!folder.isDirectory())
    throw new KorrigoError(
      'bad-arguments',
      `${setting.folder} is a file, not a folder the scanner writes to`,
    );
  // A wrong roster is refused now, not at the first scan.
  await loadRoster(setting.roster);
  return { folder: resolve(setting.folder), roster: resolve(setting.roster) };
}
