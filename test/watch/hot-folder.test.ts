import { createHash } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ErrorCode } from '../../core/errors';
import { KorrigoError } from '../../core/errors';
import { createInProcessBridge } from '../../core/station/inproc';
import { createStation } from '../../core/station/station';
import type { Store } from '../../core/store/open-store';
import { createHotFolder } from '../../core/watch/hot-folder';
import type { HotFolderEvent, HotFolderOptions, ProcessScans } from '../../core/watch/hot-folder';
import { buildScanPdf, sheetSides } from '../pipeline/fixtures';
import { useTempDir } from '../pipeline/temp-dir';
import { FIXED_NOW, useStores, writeRoster } from '../store/store-fixture';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function scanBytes(sheets: number): Promise<Uint8Array> {
  // Vector pages only: identical scanned images on every side (one fixture JPEG) would rightly be taken for
  // one sheet scanned several times whenever its noise happens to cross the ink level.
  return (await buildScanPdf(sheetSides(sheets, { rotate: 270 }))).bytes;
}

/** Writes `bytes` as a scanner does: the file appears at once and grows chunk by chunk. */
async function writeSlowly(path: string, bytes: Uint8Array, chunks: number, pauseMs: number): Promise<void> {
  const file = await open(path, 'w');
  try {
    const size = Math.ceil(bytes.length / chunks);
    for (let offset = 0; offset < bytes.length; offset += size) {
      await file.write(bytes.subarray(offset, offset + size));
      await file.sync();
      await sleep(pauseMs);
    }
  } finally {
    await file.close();
  }
}

/**
 * The station's `batches.process` on the test's store, as the CLI calls it: a refusal is a KorrigoError.
 * Without identification: the folder's part is what is tested, and reading the sides would cost seconds.
 */
function stationProcess(store: Store): ProcessScans {
  const station = createStation({ dataDir: join(tempDir(), 'station'), dbPath: store.path });
  onTestFinished(() => station.close());
  const bridge = createInProcessBridge(station);
  return async (request) => {
    const reply = await bridge.invoke('batches.process', { ...request, identify: false });
    if (reply.ok) return reply.result;
    throw new KorrigoError(reply.error.code as ErrorCode, reply.error.message);
  };
}

async function setUp(options: Pick<HotFolderOptions, 'stableLooks' | 'settleMs' | 'now'> = {}) {
  const folder = join(tempDir(), 'scanner');
  await mkdir(folder);
  const roster = await writeRoster(tempDir());
  const store = openTestStore({ now: FIXED_NOW });
  const process = stationProcess(store);
  const events: HotFolderEvent[] = [];
  const hotFolder = createHotFolder({
    store,
    process,
    folder,
    roster,
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { folder, roster, store, process, events, hotFolder };
}

const storedScans = (store: Store) =>
  (store.db.prepare('SELECT sha256 FROM scans ORDER BY sha256').all() as { sha256: string }[]).map(
    (row) => row.sha256,
  );

describe('hot folder', () => {
  it('imports a file written slowly in chunks once, complete, and never a part of it', async () => {
    const { folder, store, events, hotFolder } = await setUp({ stableLooks: 3 });
    const bytes = await scanBytes(3);
    const controller = new AbortController();
    const watching = hotFolder.run(15, controller.signal);
    await writeSlowly(join(folder, 'SKM1.pdf'), bytes, 8, 10);
    for (let waited = 0; events.length === 0 && waited < 5000; waited += 20) await sleep(20);
    await sleep(200);
    controller.abort();
    await watching;

    const imported = events.filter((event) => event.kind === 'imported');
    expect(imported).toEqual([
      { kind: 'imported', files: ['SKM1.pdf'], batchId: expect.any(String), copies: 3, needsReview: 3 },
    ]);
    expect(storedScans(store)).toEqual([sha256(bytes)]);
    expect(sha256(await readFile(join(folder, 'SKM1.pdf')))).toBe(sha256(bytes));
  });

  it('refuses a file caught mid-write by a long pause, and imports it once it is complete', async () => {
    const { folder, store, events, hotFolder } = await setUp({ stableLooks: 2 });
    const bytes = await scanBytes(2);
    const controller = new AbortController();
    const watching = hotFolder.run(20, controller.signal);
    // A pause several looks long in the middle: the half-written file looks finished, but does not parse.
    await writeSlowly(join(folder, 'SKM1.pdf'), bytes, 2, 250);
    for (let waited = 0; !events.some((e) => e.kind === 'imported') && waited < 5000; waited += 20)
      await sleep(20);
    controller.abort();
    await watching;

    expect(events[0]).toMatchObject({
      kind: 'refused',
      files: ['SKM1.pdf'],
      error: expect.stringMatching(/truncated/),
    });
    expect(events.filter((event) => event.kind === 'imported')).toHaveLength(1);
    expect(storedScans(store)).toEqual([sha256(bytes)]);
  });

  it('never imports a file twice: not after a restart, a touch, or under another name', async () => {
    const { folder, roster, store, process, events, hotFolder } = await setUp();
    const bytes = await scanBytes(1);
    await writeFile(join(folder, 'SKM1.pdf'), bytes);
    await hotFolder.poll();
    await hotFolder.poll();
    expect(events.map((event) => event.kind)).toEqual(['imported']);
    const batchId = (events[0] as { batchId: string }).batchId;

    // The station restarts: a new watcher over the same store finds nothing new.
    const restarted: HotFolderEvent[] = [];
    const again = createHotFolder({
      store,
      process,
      folder,
      roster,
      onEvent: (event) => restarted.push(event),
    });
    for (let look = 0; look < 3; look++) await again.poll();
    expect(restarted).toEqual([]);

    // Touched (same content, new time), then copied under another name: the same batch, no new one.
    const later = new Date(Date.now() + 60_000);
    await utimes(join(folder, 'SKM1.pdf'), later, later);
    for (let look = 0; look < 3; look++) await again.poll();
    await copyFile(join(folder, 'SKM1.pdf'), join(folder, 'SKM1 copy.pdf'));
    for (let look = 0; look < 3; look++) await again.poll();
    expect(restarted).toEqual([
      { kind: 'already-imported', files: ['SKM1.pdf'], batchId },
      { kind: 'already-imported', files: ['SKM1 copy.pdf'], batchId },
    ]);
    expect(store.db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 1 });
    // The operator's files are where they were, unchanged.
    for (const name of ['SKM1.pdf', 'SKM1 copy.pdf']) {
      expect(sha256(await readFile(join(folder, name)))).toBe(sha256(bytes));
    }
  });

  it('makes one batch of the files that arrive together: a stack split mid-sheet over two files', async () => {
    let clock = 0;
    const { folder, store, events, hotFolder } = await setUp({ settleMs: 1000, now: () => clock });
    // Two sheets, four A3 sides: the scanner closed SKM1.pdf after the second sheet's recto.
    const sides = sheetSides(2, { rotate: 270 });
    await writeFile(join(folder, 'SKM1.pdf'), (await buildScanPdf(sides.slice(0, 3))).bytes);
    await hotFolder.poll();
    await hotFolder.poll();
    clock += 600;
    await writeFile(join(folder, 'SKM2.pdf'), (await buildScanPdf(sides.slice(3))).bytes);
    await hotFolder.poll();
    await hotFolder.poll();
    clock += 600;
    await hotFolder.poll();
    // Nothing yet: the folder changed 600 ms ago, less than the settle time.
    expect(events).toEqual([]);
    clock += 600;
    await hotFolder.poll();

    expect(events).toEqual([
      {
        kind: 'imported',
        files: ['SKM1.pdf', 'SKM2.pdf'],
        batchId: expect.any(String),
        copies: 2,
        needsReview: 2,
      },
    ]);
    expect(store.db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 1 });
  });

  it('survives the folder disappearing and coming back', async () => {
    const { folder, store, events, hotFolder } = await setUp();
    await writeFile(join(folder, 'SKM1.pdf'), await scanBytes(1));
    await hotFolder.poll();
    await hotFolder.poll();
    await rename(folder, `${folder}-unmounted`);
    await hotFolder.poll();
    await hotFolder.poll();
    await rename(`${folder}-unmounted`, folder);
    await writeFile(join(folder, 'SKM2.pdf'), await scanBytes(2));
    await hotFolder.poll();
    await hotFolder.poll();

    expect(events.map((event) => event.kind)).toEqual([
      'imported',
      'folder-unavailable',
      'folder-available',
      'imported',
    ]);
    expect(events[1]).toEqual({
      kind: 'folder-unavailable',
      cause: 'missing',
      reason: 'it does not exist (any more)',
    });
    expect(events[3]).toMatchObject({ files: ['SKM2.pdf'], copies: 2 });
    expect(store.db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 2 });
  });

  it("imports each folder's files with that folder's roster, and waits while the roster is unreadable", async () => {
    const { folder, store, events, hotFolder } = await setUp();
    const otherFolder = join(tempDir(), 'annexes');
    await mkdir(otherFolder);
    const otherRoster = join(tempDir(), 'seconde.csv');
    const otherEvents: HotFolderEvent[] = [];
    const other = createHotFolder({
      store,
      process: stationProcess(store),
      folder: otherFolder,
      roster: otherRoster,
      onEvent: (event) => otherEvents.push(event),
    });
    await writeFile(join(folder, 'SKM1.pdf'), await scanBytes(1));
    await writeFile(join(otherFolder, 'SKM9.pdf'), await scanBytes(2));
    await Promise.all([hotFolder.poll(), other.poll()]);
    await Promise.all([hotFolder.poll(), other.poll()]);
    expect(otherEvents).toEqual([
      {
        kind: 'roster-unavailable',
        code: 'file-not-found',
        error: expect.stringMatching(/Roster file not found: .*seconde\.csv/),
      },
    ]);

    await writeRoster(
      tempDir(),
      'Élèves,Né(e) le,Classe,Adresse E-mail\nMARTIN LÉA,02/02/2010,2.03,lea.martin@example.fr\n',
      'seconde.csv',
    );
    await other.poll();
    expect(otherEvents.slice(1).map((event) => event.kind)).toEqual(['roster-available', 'imported']);
    expect(otherEvents.at(-1)).toMatchObject({ kind: 'imported', files: ['SKM9.pdf'] });
    const rosters = store.db
      .prepare(
        'SELECT r.file_name AS roster FROM batches b JOIN rosters r ON r.sha256 = b.roster_sha256 ORDER BY roster',
      )
      .all();
    expect(rosters).toEqual([{ roster: 'eleves.csv' }, { roster: 'seconde.csv' }]);
    expect(events.map((event) => event.kind)).toEqual(['imported']);
    expect((await stat(join(otherFolder, 'SKM9.pdf'))).isFile()).toBe(true);
  });
});
