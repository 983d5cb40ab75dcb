// Operator decisions from the command line: every kind through `decide`, then `undo`, `redo`, `history`,
// against a real stored batch; refusals are one line with a dedicated code and exit code.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { decideCommand } from '../../cli/decide-command';
import { historyCommand, undoCommand } from '../../cli/history-commands';
import type { Command } from '../../cli/command';
import { isKorrigoError } from '../../core/errors';
import { processInto } from '../../core/jobs/process-scans';
import type { ManifestCopy } from '../../core/manifest';
import { readCopies } from '../../core/store/copy-rows';
import { MIGRATIONS } from '../../core/store/migrations/index';
import { openStore } from '../../core/store/open-store';
import { planWithRescan } from '../jobs/rescan-batch';
import { useTempDir } from '../pipeline/temp-dir';
import { FIXED_NOW, writeExamDay, writeRoster } from '../store/store-fixture';
import { runCli } from './run-cli';

const tempDir = useTempDir();

/** The exam day, stored and planned: S1, S2, S3 (4 pages each), an annex (1 page), S4 without verso. */
async function storedBatch(): Promise<{ db: string; batchId: string }> {
  const db = join(tempDir(), 'station.sqlite');
  const store = openStore(db, { now: FIXED_NOW });
  const { batchId } = await processInto(store, {
    scans: await writeExamDay(tempDir()),
    roster: await writeRoster(tempDir()),
    outDir: join(tempDir(), 'out'),
    identify: false,
  });
  store.close();
  return { db, batchId };
}

function copiesOf(db: string, batchId: string): ManifestCopy[] {
  const store = openStore(db);
  try {
    return readCopies(store.db, batchId);
  } finally {
    store.close();
  }
}

const ref = (page: ManifestCopy['pages'][number]) => `${page.file}:${page.source}:${page.half}`;

describe('korrigo-station decide, undo, redo, history', () => {
  it('records every kind of decision, undoes and redoes, and shows the log', async () => {
    const { db, batchId } = await storedBatch();
    const decide = (...args: string[]) => runCli(['decide', batchId, ...args, '--by', 'alice', '--db', db]);
    const [s1, s2] = copiesOf(db, batchId);

    expect(await decide('assign', s1!.id, 'Marie.Dupont@example.fr')).toEqual({
      code: 0,
      stdout: `#1 copy ${s1!.id} assigned to DUPONT MARIE <marie.dupont@example.fr>. Now 5 copies, 0 ready, 5 to review.\n`,
      stderr: '',
    });
    expect((await decide('validate', s1!.id)).stdout).toMatch(
      /^#2 .* validated\. Now 5 copies, 1 ready, 4 to review\.\n$/,
    );
    expect((await decide('rotate', ref(s2!.pages[1]!), '90')).code).toBe(0);
    expect((await decide('blank', ref(s2!.pages[2]!))).code).toBe(0);
    expect((await decide('unblank', ref(s2!.pages[2]!))).code).toBe(0);
    // Reordering: the copy's last page becomes its first, so the copy takes that page's id.
    expect((await decide('move', ref(s2!.pages[3]!), s2!.id, '1')).code).toBe(0);
    let copies = copiesOf(db, batchId);
    const moved = copies[1]!;
    expect(moved.pages.map(ref)).toEqual([3, 0, 1, 2].map((i) => ref(s2!.pages[i]!)));
    expect(moved.pages.map((page) => page.rotate)).toEqual([0, 0, 90, 0]);
    expect(moved.pages.map((page) => page.blank)).toEqual(s2!.pages.map(() => false));

    expect((await decide('split', moved.id, '3')).stdout).toMatch(/Now 6 copies/);
    copies = copiesOf(db, batchId);
    expect(copies[2]!.pages.map(ref)).toEqual(moved.pages.slice(2).map(ref));
    expect((await decide('merge', copies[2]!.id, moved.id)).stdout).toMatch(/Now 5 copies/);
    expect(copiesOf(db, batchId)[1]!.pages.map(ref)).toEqual(moved.pages.map(ref));
    expect((await decide('unassign', s1!.id)).code).toBe(0);
    expect(copiesOf(db, batchId)[0]).toMatchObject({ student: null, status: 'needs_review' });

    const undo = await runCli(['undo', batchId, '--by', 'bob', '--db', db]);
    expect(undo.stdout).toBe(
      `#10 Undid #9 (copy ${s1!.id}: student taken back). Now 5 copies, 1 ready, 4 to review.\n`,
    );
    expect(copiesOf(db, batchId)[0]).toMatchObject({ status: 'ready', student: { name: 'DUPONT MARIE' } });
    expect((await runCli(['redo', batchId, '--db', db])).stdout).toMatch(/^#11 Redid #9 /);
    expect((await runCli(['undo', batchId, '--db', db])).code).toBe(0);

    // The API's batches.history, as the desktop app gets it.
    const json = JSON.parse((await runCli(['history', batchId, '--json', '--db', db])).stdout);
    expect(Object.keys(json)).toEqual(['log', 'undoable', 'redoable']);
    expect(json.log.map((entry: { action: { kind: string } }) => entry.action.kind)).toEqual([
      'assign-student',
      'validate-copy',
      'rotate-page',
      'mark-blank',
      'mark-blank',
      'move-page',
      'split-copy',
      'merge-copies',
      'assign-student',
      'undo',
      'redo',
      'undo',
    ]);
    expect(Object.keys(json.log[0]).sort()).toEqual(['action', 'at', 'operator', 'seq']);
    expect(json.log[0]).toMatchObject({ seq: 1, operator: 'alice' });
    expect(json.log[9]).toMatchObject({ operator: 'bob', action: { kind: 'undo', target: 9 } });
    expect([json.undoable, json.redoable]).toEqual([8, 9]);

    const text = (await runCli(['history', batchId, '--db', db])).stdout.split('\n');
    expect((await runCli(['--help'])).stdout).toMatch(/decide\s+record an operator decision/);
    expect((await runCli(['decide', '--help'])).stdout).toMatch(
      /move <page> <copy> <position>\s+put the page/,
    );
    expect(text[0]).toMatch(
      new RegExp(
        `^#1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  alice  copy ${s1!.id} assigned to DUPONT MARIE`,
      ),
    );
    expect(text[8]).toMatch(/student taken back {2}\(undone\)$/);
    expect(text.at(-2)).toBe('undo takes back #8; redo brings back #9.');
    // The desk's accept (assign + validate, one entry) and the teacher's page-order check.
    const third = copiesOf(db, batchId)[2]!;
    expect((await decide('accept', third.id, 'paul.martin@example.fr')).stdout).toMatch(
      new RegExp(`^#13 copy ${third.id} accepted for MARTIN PAUL .*Now 5 copies, 2 ready, 3 to review\\.\n$`),
    );
    expect((await decide('check-order', third.id)).stdout).toMatch(
      /: page order checked\. Now 5 copies, 2 ready/,
    );
    expect(copiesOf(db, batchId)[2]).toMatchObject({ status: 'ready', pageOrderChecked: true });
    expect((await decide('uncheck-order', third.id)).stdout).toMatch(/page order check taken back/);
    expect(copiesOf(db, batchId)[2]).not.toHaveProperty('pageOrderChecked');
    // Several pages moved as one decision: one entry, one undo takes them all back.
    const before = copiesOf(db, batchId);
    const [, second, , , fourth] = before;
    const two = [fourth!.pages[1]!, fourth!.pages[0]!].map(ref).join(',');
    expect((await decide('move-pages', two, second!.id, '2')).stdout).toMatch(
      new RegExp(
        `^#16 page ${ref(fourth!.pages[1]!)}, page ${ref(fourth!.pages[0]!)} moved to copy ${second!.id}, from position 2\\.`,
      ),
    );
    const after = copiesOf(db, batchId);
    expect(after[1]!.pages.map(ref)).toEqual(
      [second!.pages[0], fourth!.pages[1], fourth!.pages[0], ...second!.pages.slice(1)].map((p) => ref(p!)),
    );
    expect((await runCli(['undo', batchId, '--db', db])).stdout).toMatch(/^#17 Undid #16 /);
    expect(copiesOf(db, batchId)).toEqual(before);
    expect((await runCli(['decide', '--help'])).stdout).toMatch(
      /move-pages <pages> <copy> <position>\s+put these pages/,
    );
  });
});

describe('korrigo-station decide keep-rescan', () => {
  it('keeps a rescan instead of the sheet it repeats, undoes it, and refuses what is not a rescan', async () => {
    const db = join(tempDir(), 'station.sqlite');
    const store = openStore(db, { now: FIXED_NOW });
    const { batchId, planned } = await planWithRescan(store, tempDir());
    store.close();
    const decide = (...args: string[]) => ['decide', batchId, ...args, '--by', 'alice', '--db', db];
    const first = ref(planned[0]!.pages[0]!);

    expect(await runCli([...decide('keep-rescan', '2:1:right', first)])).toEqual({
      code: 0,
      stdout: `#1 rescan with page 2:1:right kept instead of the sheet from page ${first}. Now 5 copies, 0 ready, 5 to review.\n`,
      stderr: '',
    });
    expect(copiesOf(db, batchId)[0]!.pages.map(ref)).toEqual([
      '2:1:right',
      '2:2:left',
      '2:2:right',
      '2:1:left',
    ]);
    expect((await runCli(['undo', batchId, '--db', db])).stdout).toMatch(
      /^#2 Undid #1 \(rescan with page 2:1:right/,
    );
    expect(copiesOf(db, batchId)).toEqual(planned);
    expect((await runCli(['decide', '--help'])).stdout).toMatch(
      /keep-rescan <rescan> <replaces>\s+keep the rescan holding <rescan> in place of the sheet/,
    );

    await expectRefused(
      decide('keep-rescan', first, first),
      'decision-invalid',
      2,
      /decision refused: file 1 page 1 \(right\) is not a page of a rescan$/,
    );
    await expectRefused(
      decide('keep-rescan', '2:1:right'),
      'bad-arguments',
      2,
      /keep-rescan <rescan> <replaces> takes 2 arguments, not 1/,
    );
  });
});

const COMMANDS: Record<string, Command> = {
  decide: decideCommand,
  undo: undoCommand,
  history: historyCommand,
};

/** Exit code, one line on stderr (no stack), and the KorrigoError code the command throws. */
async function expectRefused(args: string[], code: string, exit: number, message: RegExp): Promise<void> {
  const result = await runCli(args);
  expect(result.code, result.stderr).toBe(exit);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^korrigo-station: error: [^\n]*\n$/);
  expect(result.stderr.trimEnd()).toMatch(message);
  const [name, ...rest] = args;
  const thrown = await COMMANDS[name!]!.run(rest).catch((error: unknown) => error);
  expect(isKorrigoError(thrown) && thrown.code).toBe(code);
}

describe('refusals of the store commands', () => {
  it('names the batch, the copy, the decision or the argument that is wrong', async () => {
    const { db, batchId } = await storedBatch();
    const [s1] = copiesOf(db, batchId);
    const decide = (...args: string[]) => ['decide', batchId, ...args, '--db', db];

    await expectRefused(
      ['decide', 'ffffffffffff', 'validate', s1!.id, '--db', db],
      'batch-not-found',
      2,
      /no batch ffffffffffff in .*station\.sqlite; korrigo-station batches lists/,
    );
    await expectRefused(
      ['history', 'ffffffffffff', '--db', db],
      'batch-not-found',
      2,
      /no batch ffffffffffff/,
    );
    await expectRefused(
      decide('validate', 'nosuchcopy'),
      'copy-not-found',
      2,
      /decision refused: there is no copy nosuchcopy$/,
    );
    await expectRefused(
      decide('validate', s1!.id),
      'decision-invalid',
      2,
      /copy .* has no student: assign one first$/,
    );
    await expectRefused(
      decide('assign', s1!.id, 'nobody@example.fr'),
      'decision-invalid',
      2,
      /no student with email nobody@example\.fr in the batch's roster$/,
    );
    await expectRefused(['undo', batchId, '--db', db], 'decision-invalid', 2, /there is nothing to undo$/);
    await expectRefused(
      decide('rotate', '1:1:up', '90'),
      'bad-arguments',
      2,
      /rotate: <page> must be FILE:PAGE:HALF, e\.g\. 1:3:left .*, not "1:1:up"; see korrigo-station decide --help$/,
    );
    await expectRefused(
      decide('rotate', '1:1:left', '45'),
      'bad-arguments',
      2,
      /rotate: <degrees> must be 0, 90, 180 or 270, not "45"/,
    );
    await expectRefused(
      decide('split', s1!.id, '1'),
      'bad-arguments',
      2,
      /split: <page-number> must be 2 or more, not "1"/,
    );
    await expectRefused(
      decide('merge', s1!.id),
      'bad-arguments',
      2,
      /merge <copy> <into-copy> takes 2 arguments, not 1/,
    );
    await expectRefused(
      decide('approve', s1!.id),
      'bad-arguments',
      2,
      /unknown decision "approve" \(one of: assign, unassign, move/,
    );
    await expectRefused(
      ['decide', batchId, 'validate', s1!.id, '--by', ' ', '--db', db],
      'bad-arguments',
      2,
      /--by needs an operator name/,
    );
  });

  it('refuses a database from a newer station with exit 3, and a locked one with exit 4', async () => {
    const newer = join(tempDir(), 'newer.sqlite');
    openStore(newer, {
      migrations: [
        ...MIGRATIONS,
        { version: MIGRATIONS.length + 1, name: 'future', sql: 'CREATE TABLE future (x TEXT) STRICT;' },
      ],
    }).close();
    await expectRefused(
      ['history', 'ffffffffffff', '--db', newer],
      'db-too-new',
      3,
      new RegExp(
        `newer\\.sqlite: the station database is at schema version ${MIGRATIONS.length + 1}, ` +
          `newer than this station knows \\(${MIGRATIONS.length}\\); update Korrigo Scan Station`,
      ),
    );

    const { db, batchId } = await storedBatch();
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      // The busy timeout (5 s) passes in each of the two runs.
      await expectRefused(
        ['undo', batchId, '--db', db],
        'busy',
        4,
        /station\.sqlite: the station database is locked by another process writing to it; try again/,
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 30_000);
});
