// The reading the desk shows for a copy: a recto's header cell by cell, each page's box found through the
// side's halves (upright or fed upside down), and what the finders missed placed on the right page.
import { describe, expect, it } from 'vitest';
import type { FieldReading, PageBoxReading, SideReading } from '../../core/identify/types';
import { DIGIT_ALPHABET, NAME_ALPHABET } from '../../core/identify/types';
import type { ManifestPage } from '../../core/manifest';
import { bestChances } from '../../core/identify/read-boxes';
import { cellGuesses, copyReading, sideReadingKey, turnedPart } from '../../core/review/copy-reading';
import { rosterOf } from '../identify/match/class-roster';

const SHA = 'ab'.repeat(32);

/** A field whose cells hold `text` (a space: an empty box) with confidence `sure`. */
function field(alphabet: string, text: string, sure = 0.9): FieldReading {
  return {
    alphabet,
    cells: [...text].map((char) => {
      const probs = [...alphabet].map(() => (1 - sure) / (alphabet.length - 1));
      if (char !== ' ') probs[alphabet.indexOf(char)] = sure;
      return { empty: char === ' ' ? 0.95 : 0.02, probs };
    }),
  };
}

const box = (number: number, total: number): PageBoxReading => ({
  number: field(DIGIT_ALPHABET, String(number)),
  total: field(DIGIT_ALPHABET, String(total)),
  best: { number, total },
  empty: false,
});

const recto = (upsideDown: boolean): SideReading => ({
  role: 'recto',
  upsideDown,
  header: {
    lastName: field(NAME_ALPHABET, 'DUPONT  '),
    firstName: field(NAME_ALPHABET, 'MARIE'),
    birthDate: field(DIGIT_ALPHABET, '12032008'),
    empty: false,
  },
  pageBoxes: [box(1, 4), null],
  blank: [false, false],
  notes: [],
  missing: [{ field: 'pageBox', code: 'no-pair', params: { boxes: 3 }, page: 1 }],
});

const verso: SideReading = {
  role: 'verso',
  upsideDown: false,
  header: null,
  pageBoxes: [box(2, 4), box(3, 4)],
  blank: [false, false],
  notes: [],
};

const page = (source: number, half: ManifestPage['half']): ManifestPage => ({
  file: 1,
  source,
  half,
  rotate: 0,
  blank: false,
});

describe('a copy as the reader read it', () => {
  it('gives the best character and its confidence per cell, null for an empty box', () => {
    const guesses = cellGuesses(field(NAME_ALPHABET, 'AB ', 0.8));
    expect(guesses.map((cell) => cell.char)).toEqual(['A', 'B', null]);
    expect(guesses[0]!.confidence).toBeCloseTo(0.98 * 0.8);
    expect(guesses[2]!.confidence).toBeCloseTo(0.95);
  });

  it('places each page box and each miss on its page, upright and upside down', () => {
    for (const upsideDown of [false, true]) {
      // Upright a recto shows [P4 | P1]; upside down [P1 | P4].
      const [p1, p4] = upsideDown ? (['left', 'right'] as const) : (['right', 'left'] as const);
      const readings = new Map([
        [sideReadingKey(SHA, 1), recto(upsideDown)],
        [sideReadingKey(SHA, 2), { ...verso, upsideDown }],
      ]);
      const [p2, p3] = upsideDown ? (['right', 'left'] as const) : (['left', 'right'] as const);
      const copy = { pages: [page(1, p1), page(2, p2), page(2, p3), page(1, p4)] };
      const students = rosterOf([
        { lastName: 'DURAND', firstName: 'MARIE', birthDate: '12/03/2008' },
        { lastName: 'DUPONT', firstName: 'MARIE', birthDate: '12/03/2008' },
      ]).map((member) => member.student);
      const reading = copyReading(copy, [{ sha256: SHA }], (key) => readings.get(key), students);
      // The whole roster, the student the header names first.
      expect(reading.likely).toEqual([students[1]!.email, students[0]!.email]);
      expect(reading.header!.lastName.map((cell) => cell.char ?? ' ').join('')).toBe('DUPONT  ');
      expect(reading.header!.birthDate.map((cell) => cell.char).join('')).toBe('12032008');
      expect(reading.pages.map((one) => one.pageBox?.number ?? null)).toEqual([1, 2, 3, null]);
      expect(reading.pages.map((one) => one.missing.length)).toEqual([0, 0, 0, 1]);
      expect(reading.pages[3]!.missing[0]).toEqual({
        field: 'pageBox',
        code: 'no-pair',
        params: { boxes: 3 },
      });
    }
  });

  it('places the header boxes on the first page as shown: turned by the split and by the operator', () => {
    const boxes = [{ x: 0.3, y: 0.05, width: 0.03, height: 0.02 }];
    const boxed = (upsideDown: boolean): SideReading => {
      const side = recto(upsideDown);
      return { ...side, header: { ...side.header!, lastName: { ...side.header!.lastName, boxes } } };
    };
    const shown = (upsideDown: boolean, rotate: ManifestPage['rotate'], half: ManifestPage['half']) => {
      const readings = new Map([[sideReadingKey(SHA, 1), boxed(upsideDown)]]);
      const copy = { pages: [{ ...page(1, half), rotate }] };
      return copyReading(copy, [{ sha256: SHA }], (key) => readings.get(key)).header!.lastName[0]!.box;
    };
    // The split turns a side fed upside down by 180°: P1 is then shown as the reader placed its boxes.
    expect(shown(false, 0, 'right')).toEqual(boxes[0]);
    expect(shown(true, 180, 'left')).toEqual(boxes[0]);
    // Turned a quarter clockwise, the top-left corner goes to the top right.
    expect(shown(false, 90, 'right')).toEqual({ x: 0.93, y: 0.3, width: 0.02, height: 0.03 });
    expect(shown(true, 0, 'left')).toEqual({ x: 0.67, y: 0.93, width: 0.03, height: 0.02 });
    expect(shown(false, 270, 'right')).toEqual({ x: 0.05, y: 0.67, width: 0.02, height: 0.03 });
    // P4 moved in front of P1: the header's boxes are not on the page shown.
    expect(shown(false, 0, 'left')).toBeUndefined();
    for (const turn of [0, 90, 180, 270] as const)
      expect(turnedPart(turnedPart(boxes[0]!, turn), ((360 - turn) % 360) as typeof turn)).toEqual(boxes[0]);
  });

  it("places each page box's number and total on its page as shown, turned as the page turns", () => {
    const boxes = {
      number: { x: 0.84, y: 0.94, width: 0.03, height: 0.03 },
      total: { x: 0.9, y: 0.94, width: 0.03, height: 0.03 },
    };
    const shown = (upsideDown: boolean, rotate: ManifestPage['rotate']) => {
      const side: SideReading = { ...verso, upsideDown, pageBoxes: [{ ...box(2, 4), boxes }, box(3, 4)] };
      const readings = new Map([[sideReadingKey(SHA, 2), side]]);
      const copy = {
        pages: [
          { ...page(2, upsideDown ? 'right' : 'left'), rotate },
          page(2, upsideDown ? 'left' : 'right'),
        ],
      };
      return copyReading(copy, [{ sha256: SHA }], (key) => readings.get(key)).pages.map((one) => one.pageBox);
    };
    const sure = { number: 0.9, total: 0.9 };
    expect(shown(false, 0)).toEqual([
      { number: 2, total: 4, boxes, confidence: sure },
      { number: 3, total: 4, confidence: sure },
    ]);
    // Split from a side fed upside down, the page is shown as read; turned once more, the boxes go with it.
    expect(shown(true, 180)[0]!.boxes).toEqual(boxes);
    expect(shown(false, 90)[0]!.boxes!.number).toEqual({ x: 0.03, y: 0.84, width: 0.03, height: 0.03 });
  });

  it("says how sure each page box's reading is: the chance of its value, 1 for a box with no ink", () => {
    // "12" read digit by digit at 50 % each: one chance in four; nothing written in the number's box.
    const doubtful: PageBoxReading = {
      number: { alphabet: DIGIT_ALPHABET, cells: [] },
      total: field(DIGIT_ALPHABET, '12', 0.5),
      best: { number: null, total: 12 },
      empty: false,
    };
    expect(bestChances(doubtful)).toEqual({ number: 1, total: 0.25 });
    // bestPair may say another value than the digits' most likely one: its own chance is given.
    expect(bestChances({ ...doubtful, best: { number: null, total: 11 } }).total).toBeCloseTo(
      0.5 * (0.5 / 9),
    );
  });

  it('says which pages were never read, and has no header when the first page carries none', () => {
    const readings = new Map([[sideReadingKey(SHA, 2), verso]]);
    const reading = copyReading({ pages: [page(2, 'left'), page(3, 'right')] }, [{ sha256: SHA }], (key) =>
      readings.get(key),
    );
    expect(reading.header).toBeNull();
    expect(reading.pages.map((one) => one.role)).toEqual(['verso', 'unread']);
  });
});
