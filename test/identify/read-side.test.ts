// Each A3 side read on its own, checked against the generator's truth: its role, which way up it was fed,
// its two pages' numbers and blankness in reading order, on sheets fed every way a scan room feeds them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_DPI } from '../../core/identify/read-sides';
import { readSide } from '../../core/identify/read-side';
import { rotate180 } from '../../core/identify/locate/rotate';
import { createRecognizer } from '../../core/identify/recognize/create-recognizer';
import type { Recognizer } from '../../core/identify/recognize/recognizer';
import { NO_HEADER_FOUND, RECTO_NOT_SCANNED, sheetFromSides } from '../../core/identify/sheet-from-sides';
import { sideClue } from '../../core/identify/side-clue';
import type { PageBoxReading, SideReading } from '../../core/identify/types';
import { openForRender } from '../../core/pdf/render-page';
import { generateBatch } from '../generator/generate';
import { A4_MM, HEADER, PAGE_BOX } from '../generator/sheet-layout';
import type { GeneratedBatch, TruthPage, TruthSide } from '../generator/types';
import { drawSide } from './fingerprint/drawn-side';

/** What a side really is: role, way up, and its pages in reading order (recto P1, P4; verso P2, P3). */
function truthOf(side: TruthSide, pages: ReadonlyMap<number, TruthPage>) {
  const shown = [side.left, side.right].map((id) => pages.get(id!)!);
  const recto = shown.some((page) => page.pageInSheet === 1);
  const order = recto ? [1, 4] : [2, 3];
  const inOrder = order.map((n) => shown.find((page) => page.pageInSheet === n)!);
  return {
    role: recto ? 'recto' : 'verso',
    upsideDown: side.upsideDown ?? false,
    numbers: inOrder.map((page) => page.pageBox?.[0] ?? null),
    blank: inOrder.map((page, k) => (recto && k === 0 ? false : page.blank)),
  };
}

const number = (box: PageBoxReading | null) => box?.best.number ?? null;

describe('readSide', () => {
  let batch: GeneratedBatch;
  let recognizer: Recognizer;
  const readings: { side: TruthSide; reading: SideReading }[] = [];

  beforeAll(async () => {
    batch = await generateBatch({
      seed: 41,
      shape: 'compact',
      dpi: 200,
      students: 3,
      present: 3,
      sheetsPerStudent: [1, 2],
      fonts: ['Humor Sans'],
      upsideDown: 1,
      versoFirst: 1,
      upsideDownVersoFirst: 1,
    });
    recognizer = await createRecognizer();
    const doc = await openForRender(batch.files[0]!.bytes);
    try {
      for (const side of batch.truth.sides) {
        if (side.kind !== 'a3') continue;
        readings.push({
          side,
          reading: await readSide(await doc.render(side.source - 1, READ_DPI), READ_DPI, recognizer),
        });
      }
    } finally {
      await doc.close();
    }
  }, 300_000);
  afterAll(async () => recognizer?.close());

  it('tells rectos from versos and which way up each was fed, whatever the order they came in', () => {
    const pages = new Map(batch.truth.pages.map((page) => [page.id, page]));
    expect(readings.some(({ side }) => side.upsideDown)).toBe(true);
    for (const { side, reading } of readings) {
      const truth = truthOf(side, pages);
      expect({ page: side.source, role: reading.role, upsideDown: reading.upsideDown }).toEqual({
        page: side.source,
        role: truth.role,
        upsideDown: truth.upsideDown,
      });
      expect(reading.header !== null).toBe(truth.role === 'recto');
    }
  });

  it('reads the page boxes and blank pages of both pages in reading order', () => {
    const pages = new Map(batch.truth.pages.map((page) => [page.id, page]));
    let numbersRight = 0;
    let numbersWritten = 0;
    for (const { side, reading } of readings) {
      const truth = truthOf(side, pages);
      expect(reading.blank, `page ${side.source}`).toEqual(truth.blank);
      truth.numbers.forEach((n, k) => {
        if (n === null) return;
        numbersWritten++;
        if (number(reading.pageBoxes[k]!) === n) numbersRight++;
      });
    }
    // Digits are read by the classifier: nearly all, not necessarily every one.
    expect(numbersRight).toBeGreaterThanOrEqual(Math.ceil(0.8 * numbersWritten));
    expect(readings.flatMap(({ reading }) => reading.blank).some(Boolean)).toBe(true);
  });

  it('places every header box on the upright P1, where the template printed it, either way up', () => {
    const rectos = readings.filter(({ reading }) => reading.header);
    expect(rectos.some(({ reading }) => reading.upsideDown)).toBe(true);
    for (const { side, reading } of rectos) {
      for (const field of ['lastName', 'firstName', 'birthDate'] as const) {
        const boxes = reading.header![field].boxes!;
        expect(boxes.length, `${field} page ${side.source}`).toBe(reading.header![field].cells.length);
        // Printing and feeding move a frame by a few millimetres, never by half a box (7 mm high).
        HEADER[field].boxes.forEach((printed, k) => {
          const mm = { x: boxes[k]!.x * A4_MM.width, y: boxes[k]!.y * A4_MM.height };
          expect(Math.abs(mm.x - printed.x), `${field}[${k}] x`).toBeLessThan(3.5);
          expect(Math.abs(mm.y - printed.y), `${field}[${k}] y`).toBeLessThan(3.5);
          expect(Math.abs(boxes[k]!.width * A4_MM.width - printed.width)).toBeLessThan(1);
        });
      }
    }
  });

  it("places every page box's number and total on its upright page, where the template printed them", () => {
    const found = readings.flatMap(({ side, reading }) =>
      reading.pageBoxes.flatMap((box, k) => (box ? [{ at: `page ${side.source}[${k}]`, box }] : [])),
    );
    expect(found.length).toBeGreaterThan(readings.length);
    for (const { at, box } of found) {
      for (const part of ['number', 'total'] as const) {
        const placed = box.boxes![part];
        const printed = PAGE_BOX[part];
        expect(Math.abs(placed.x * A4_MM.width - printed.x), `${at} ${part} x`).toBeLessThan(3.5);
        expect(Math.abs(placed.y * A4_MM.height - printed.y), `${at} ${part} y`).toBeLessThan(3.5);
        expect(Math.abs(placed.width * A4_MM.width - printed.width), `${at} ${part} width`).toBeLessThan(1);
      }
    }
  });

  it('gives pairing the role and the sheet the page boxes say, and is plain JSON', () => {
    const pages = new Map(batch.truth.pages.map((page) => [page.id, page]));
    for (const { side, reading } of readings) {
      const truth = truthOf(side, pages);
      const clue = sideClue(reading);
      expect(clue.role).toBe(truth.role);
      const sheet = batch.truth.sheets[pages.get(side.left!)!.sheet!]!;
      if (clue.sheetNo !== null) expect(clue.sheetNo).toBe(sheet.sheetNo - 1);
      expect(JSON.parse(JSON.stringify(reading))).toEqual(reading);
    }
  });
});

describe('readSide on boxes that cannot be read', () => {
  /** Tells no character from another, and never an empty box: whatever ink is there reads as nothing. */
  const nothingRead: Recognizer = {
    read: async (cells, alphabet) =>
      cells.map(() => ({ empty: 0, probs: [...alphabet].map(() => 1 / alphabet.length) })),
    close: async () => undefined,
  };
  const placement = { skew: 0.4, shiftX: 1.5, shiftY: -1, seed: 7 };

  it.each([
    ['scrawled over', true],
    ['left empty', false],
  ])(
    'turns a sheet fed upside down upright from its printed frame and page boxes, header and numbers %s',
    async (_, scrawled) => {
      for (const recto of [true, false]) {
        const paper = { seed: 3, recto, pageBoxes: null, lines: 2, scrawled };
        const side = await drawSide(paper, placement, READ_DPI);
        for (const upsideDown of [false, true]) {
          const reading = await readSide(upsideDown ? rotate180(side) : side, READ_DPI, nothingRead);
          expect({ recto, upsideDown: reading.upsideDown, role: reading.role }).toEqual({
            recto,
            upsideDown,
            role: recto ? 'recto' : 'verso',
          });
        }
      }
    },
    120_000,
  );
});

describe('sideClue and sheetFromSides', () => {
  const box = (n: number | null, total: number | null): PageBoxReading | null =>
    n === null
      ? null
      : {
          number: { alphabet: '0123456789', cells: [] },
          total: { alphabet: '0123456789', cells: [] },
          best: { number: n, total },
          empty: false,
        };
  const side = (
    role: SideReading['role'],
    numbers: [number | null, number | null],
    totals: [number | null, number | null] = [null, null],
  ): SideReading => ({
    role,
    upsideDown: false,
    header: null,
    pageBoxes: [box(numbers[0], totals[0]), box(numbers[1], totals[1])],
    blank: [false, false],
    notes: [],
  });

  it('gives the sheet of its copy and the length of the copy the page boxes agree on', () => {
    expect(sideClue(side('recto', [5, 8], [8, 8]))).toEqual({ role: 'recto', sheetNo: 1, copyPages: 8 });
    expect(sideClue(side('verso', [2, 3], [null, 4]))).toEqual({ role: 'verso', sheetNo: 0, copyPages: 4 });
    expect(sideClue(side('verso', [null, 11]))).toEqual({ role: 'verso', sheetNo: 2, copyPages: null });
    expect(sideClue(side('verso', [6, 11], [8, 12]))).toEqual({
      role: 'verso',
      sheetNo: null,
      copyPages: null,
    });
    expect(sideClue(side('recto', [2, 3]))).toEqual({ role: 'recto', sheetNo: null, copyPages: null });
    expect(sideClue(side('unknown', [null, null]))).toEqual({
      role: 'unknown',
      sheetNo: null,
      copyPages: null,
    });
  });

  it('makes a recto of a side without header whose page boxes read as its P4 and P1', () => {
    // Read as a verso, a recto's halves come the other way round: [P4, P1].
    expect(sideClue(side('verso', [8, 5]))).toMatchObject({ role: 'recto', sheetNo: 1 });
    expect(sideClue(side('verso', [null, 5]))).toMatchObject({ role: 'verso', sheetNo: null });
  });

  it('puts P1..P4 together from a recto and a verso, whichever side came first', () => {
    const header = {
      lastName: { alphabet: 'A', cells: [] },
      firstName: { alphabet: 'A', cells: [] },
      birthDate: { alphabet: '0', cells: [] },
      empty: false,
    };
    const recto = { ...side('recto', [5, 8]), header, upsideDown: true };
    const verso = { ...side('verso', [6, 7]), upsideDown: null };
    const sheet = sheetFromSides(recto, verso);
    expect(sheet.pageBoxes.map((b) => b?.best.number ?? null)).toEqual([5, 6, 7, 8]);
    expect(sheet).toMatchObject({ header, upsideDown: true, notes: [] });
  });

  it('swaps the pages of a side read as a verso that pairing made a recto, and says the header is missing', () => {
    const sheet = sheetFromSides(side('verso', [8, 5]), side('verso', [6, 7]));
    expect(sheet.pageBoxes.map((b) => b?.best.number ?? null)).toEqual([5, 6, 7, 8]);
    expect(sheet).toMatchObject({ header: null, notes: [NO_HEADER_FOUND] });
  });

  it('reads a lone verso as P2 and P3 of a sheet whose recto was not scanned', () => {
    const sheet = sheetFromSides(null, { ...side('verso', [2, 3]), upsideDown: true });
    expect(sheet.pageBoxes.map((b) => b?.best.number ?? null)).toEqual([null, 2, 3, null]);
    expect(sheet).toMatchObject({ header: null, upsideDown: true, notes: [RECTO_NOT_SCANNED] });
  });
});
