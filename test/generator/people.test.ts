import { describe, expect, it } from 'vitest';
import { openForRender } from '../../core/pdf/render-page';
import { generateBatch } from './generate';
import { darkness, expectedReading, readHalves } from './read-back';
import { BOX_HEIGHT, HEADER, type Rect } from './sheet-layout';
import type { GenerateOptions, GeneratedBatch, TruthSheet } from './types';

/** Darkness of the NOM boxes holding a name of `letters` characters, less that of the boxes past it. */
async function lastNameInk(batch: GeneratedBatch, sheet: TruthSheet, letters: number): Promise<number> {
  const side = batch.truth.sides.find((s) => s.right === sheet.pages[0]);
  if (!side) throw new Error('P1 not scanned');
  const doc = await openForRender((batch.files[side.file - 1] as { bytes: Uint8Array }).bytes);
  const image = await doc.render(side.source - 1, 60, { x: 0.5, y: 0, width: 0.5, height: 1 });
  await doc.close();
  const boxes = HEADER.lastName.boxes;
  const part = (from: number, to: number): Rect => ({
    x: (boxes[from] as Rect).x,
    y: (boxes[from] as Rect).y - 1.5,
    width: (to - from) * (boxes[0] as Rect).width,
    height: BOX_HEIGHT + 3,
  });
  return darkness(image, part(0, letters)) - darkness(image, part(letters + 1, boxes.length));
}

describe('who hands in a copy', () => {
  it('twins share a last name and a birth date, siblings a last name; all hand in; seeded as the rest', async () => {
    const options: GenerateOptions = {
      seed: 35,
      shape: 'bilevel',
      dpi: 20,
      students: 20,
      present: 8,
      sheetsPerStudent: [1, 1],
      twins: 2,
    };
    const batch = await generateBatch(options);
    const again = await generateBatch(options);
    expect(again.roster.csvUtf8.equals(batch.roster.csvUtf8)).toBe(true);
    expect(again.files.map((f) => Buffer.from(f.bytes))).toEqual(
      batch.files.map((f) => Buffer.from(f.bytes)),
    );
    expect(again.truth).toEqual(batch.truth);
    const { truth, roster } = batch;
    const byEmail = new Map(roster.students.map((s) => [s.email, s]));
    const present = new Set(truth.sheets.map((s) => s.student));
    const pairs = (list: [string, string][] | undefined) =>
      (list ?? []).map(([a, b]) => [byEmail.get(a), byEmail.get(b)]);

    const twins = pairs(truth.twins);
    for (const [a, b] of twins) {
      expect([a?.lastName, a?.birthDate]).toEqual([b?.lastName, b?.birthDate]);
      expect(a?.firstName).not.toBe(b?.firstName);
    }
    const siblings = pairs(truth.siblings);
    for (const [a, b] of siblings) {
      expect(a?.lastName).toBe(b?.lastName);
      expect(a?.birthDate).not.toBe(b?.birthDate);
    }
    const bothPresent = (list: typeof twins) =>
      list.filter(([a, b]) => present.has(a?.email as string) && present.has(b?.email as string));
    // Only 8 of 20 hand in, so these are the 2 + 2 pairs asked for.
    expect(bothPresent(twins).length).toBeGreaterThanOrEqual(2);
    expect(bothPresent(siblings).length).toBeGreaterThanOrEqual(2);
    // Every pair sharing a last name is listed, once.
    const sharing = roster.students.flatMap((a, i) =>
      roster.students
        .slice(i + 1)
        .filter((b) => b.lastName === a.lastName)
        .map((b) => [a.email, b.email]),
    );
    expect([...(truth.twins ?? []), ...(truth.siblings ?? [])].sort()).toEqual(sharing.sort());
    const csv = roster.csvUtf8.toString('utf8');
    for (const [a, b] of twins) for (const s of [a, b]) expect(csv).toContain(`${s?.name},${s?.birthDate}`);
  });

  it('strangers’ copies sit between others’; a forgotten header leaves P1’s boxes empty', async () => {
    const batch = await generateBatch({
      seed: 36,
      shape: 'jpeg',
      dpi: 50,
      students: 5,
      present: 5,
      sheetsPerStudent: [1, 2],
      strangers: 2,
      blankHeaderFirstSheet: 1,
    });
    const { truth, roster } = batch;
    const strangers = truth.strangers ?? [];
    expect(strangers).toHaveLength(2);
    const names = new Set(roster.students.map((s) => s.name));
    const emails = new Set(roster.students.map((s) => s.email));
    for (const stranger of strangers) {
      expect(names.has(stranger.name)).toBe(false);
      expect(emails.has(stranger.email)).toBe(false);
      const sheets = truth.sheets.filter((s) => s.student === stranger.email);
      expect(sheets.length).toBeGreaterThanOrEqual(1);
      expect(sheets[0]?.headerFilled).toBe(true);
      expect(await lastNameInk(batch, sheets[0] as TruthSheet, stranger.lastName.length)).toBeGreaterThan(8);
    }
    // Copies stay whole: each writer's sides form one run of the stack.
    const pages = new Map(truth.pages.map((p) => [p.id, p]));
    const runs = truth.sides
      .map((s) => pages.get((s.left ?? s.full) as number)?.student)
      .filter((student, i, all) => student !== all[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);

    const forgotten = truth.sheets.filter((s) => s.sheetNo === 1 && !s.headerFilled);
    expect(forgotten).toHaveLength(1);
    const sheet = forgotten[0] as TruthSheet;
    expect(emails.has(sheet.student)).toBe(true);
    expect(pages.get(sheet.pages[0])?.pageBox).toEqual([1, sheet.sheetsOf * 4]);
    const student = roster.students.find((s) => s.email === sheet.student);
    expect(Math.abs(await lastNameInk(batch, sheet, student?.lastName.length ?? 0))).toBeLessThan(3);

    const readings = await readHalves(batch.files, truth.sides, 40);
    expect(readings.map((r) => r.upright)).toEqual(
      readings.map((r) => expectedReading(r.side, r.half).upright),
    );
  });
});
