// The matcher's guarantee holds whatever the reader does: the same scans planned once with what the reader
// really read, then with every header made unreadable (ink in the boxes, no character told apart), then
// with the header finder failing on every sheet. Never a ready copy for the wrong student, never a copy
// mixing two students, every page in exactly one copy; with headers unreadable, nothing is ready, and a
// student's later sheets with empty headers and agreeing page boxes stay with their first sheet; a side
// read as nothing pairs by its place in the stack, and its copy says so.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SideReading, SideReadingCache } from '../../core/identify/types';
import type { ManifestCopy } from '../../core/manifest';
import type { LoadedSource } from '../../core/pdf/load-source';
import { halfKey } from '../../core/pipeline/copies';
import { loadSources } from '../../core/pipeline/load-sources';
import { planStack } from '../../core/pipeline/plan-stack';
import { loadRoster, type RosterStudent } from '../../core/roster/load-roster';
import { generateBatch } from '../generator/generate';
import type { GeneratedBatch } from '../generator/types';
import { writeBatch } from '../generator/write-batch';
import { truthByHalf } from './truth-check';

/** Records what the reader read on the first run; later runs get the readings `alter` makes of them. */
class Readings implements SideReadingCache {
  readonly read = new Map<string, SideReading>();
  alter: ((reading: SideReading, key: string) => SideReading) | null = null;
  get(key: string): SideReading | undefined {
    const reading = this.read.get(key);
    return reading && this.alter ? this.alter(structuredClone(reading), key) : undefined;
  }
  put(key: string, reading: SideReading): void {
    if (!this.alter) this.read.set(key, reading);
  }
}

/** Ink where the student wrote, but no character told apart from another. */
function unreadableHeader(reading: SideReading): SideReading {
  if (!reading.header) return reading;
  for (const field of [reading.header.lastName, reading.header.firstName, reading.header.birthDate]) {
    for (const cell of field.cells) cell.probs = cell.probs.map(() => 1 / cell.probs.length);
  }
  return reading;
}

/** The header finder found nothing: the side is read as the page boxes alone say. */
function noHeaderFound(reading: SideReading): SideReading {
  if (reading.role !== 'recto') return reading;
  const boxes = reading.pageBoxes.some((box) => box !== null);
  return { ...reading, role: boxes ? 'verso' : 'unknown', header: null };
}

let dir: string;
let batch: GeneratedBatch;
let sources: LoadedSource[];
let students: RosterStudent[];
const readings = new Readings();

async function plan(
  alter: ((reading: SideReading, key: string) => SideReading) | null,
): Promise<ManifestCopy[]> {
  readings.alter = alter;
  // The reading must not depend on how loaded the machine is: a side that times out reads as nothing.
  return (await planStack(sources, students, { sideReadings: readings, sideTimeLimitMs: 300_000 })).copies;
}

/** Truth page ids of each copy, and the one student each copy's pages belong to (or several: mixed). */
function owners(copies: readonly ManifestCopy[]) {
  const byHalf = truthByHalf(batch.truth);
  const studentOf = new Map(batch.truth.pages.map((page) => [page.id, page.student]));
  return copies.map((copy) => {
    const ids = copy.pages.map((p) => byHalf.get(halfKey(p.file, p.source, p.half)) as number);
    return { copy, ids, students: new Set(ids.map((id) => studentOf.get(id))) };
  });
}

function expectNeverWrong(copies: readonly ManifestCopy[]): void {
  const all = owners(copies);
  const pages = all.flatMap((o) => o.ids).sort((a, b) => a - b);
  expect(pages).toEqual([...truthByHalf(batch.truth).values()].sort((a, b) => a - b));
  for (const { copy, students } of all) {
    expect(students.size, `copy ${copy.file} mixes ${[...students].join(', ')}`).toBe(1);
    if (copy.status === 'ready') expect(copy.student?.email).toBe([...students][0]);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'korrigo-never-wrong-'));
  batch = await generateBatch({
    seed: 61,
    shape: 'compact',
    dpi: 150,
    students: 7,
    present: 6,
    sheetsPerStudent: [2, 3],
    fonts: ['Comic Neue'],
  });
  const written = await writeBatch(batch, dir);
  sources = await loadSources(written.scans);
  students = (await loadRoster(written.roster)).students;
}, 400_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('whatever the reader does', () => {
  it('as read: never wrong, never mixed', { timeout: 400_000 }, async () => {
    const copies = await plan(null);
    expect(readings.read.size).toBeGreaterThan(0);
    expectNeverWrong(copies);
    expect(copies.some((copy) => copy.status === 'ready')).toBe(true);
  });

  it('headers unreadable: nothing ready; later sheets with empty headers and agreeing page boxes stay with the first', async () => {
    const copies = await plan(unreadableHeader);
    expectNeverWrong(copies);
    expect(copies.filter((copy) => copy.status === 'ready')).toEqual([]);
    const copyOf = new Map(owners(copies).flatMap(({ ids }, c) => ids.map((id) => [id, c])));
    const pagesById = new Map(batch.truth.pages.map((page) => [page.id, page]));
    let checked = 0;
    batch.truth.sheets.forEach((sheet, s) => {
      const before = batch.truth.sheets[s - 1];
      if (sheet.sheetNo === 1 || sheet.headerFilled || !before || before.student !== sheet.student) return;
      // Agreeing page boxes: every page of both sheets carries its number.
      const boxed = [...before.pages, ...sheet.pages].every((id) => pagesById.get(id)?.pageBox !== null);
      if (!boxed) return;
      checked++;
      expect(copyOf.get(sheet.pages[0]), `sheet ${sheet.sheetNo} of ${sheet.student}`).toBe(
        copyOf.get(before.pages[0]),
      );
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('no header found on any sheet: nothing ready, every page in one copy', async () => {
    const copies = await plan(noHeaderFound);
    const pages = owners(copies).flatMap((o) => o.ids);
    expect(pages.sort((a, b) => a - b)).toEqual([...truthByHalf(batch.truth).values()].sort((a, b) => a - b));
    expect(copies.filter((copy) => copy.status === 'ready')).toEqual([]);
  });

  it('no header found on any sheet: never a copy mixing two students', async () => {
    expectNeverWrong(await plan(noHeaderFound));
  });

  it('a verso read as nothing pairs with its recto by position alone, and its copy says so', async () => {
    // One verso (the first by cache key) reads as neither header nor page box (a side that timed out).
    const key = [...readings.read.keys()].sort().find((k) => readings.read.get(k)?.role === 'verso');
    expect(key).toBeDefined();
    const copies = await plan((reading, k) =>
      k === key ? { ...reading, role: 'unknown', pageBoxes: [null, null], missing: [] } : reading,
    );
    expectNeverWrong(copies);
    const positional = copies.filter((copy) =>
      copy.reasons.some((r) => r.startsWith('paired by position alone')),
    );
    expect(positional).toHaveLength(1);
    expect(positional[0]?.status).toBe('needs_review');
  });
});
