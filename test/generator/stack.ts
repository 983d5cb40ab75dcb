// The paper stack as it goes into the scanner: who handed in how many sheets, what each page shows, the
// loose A4 pages slipped in between, and the sides the scanner sees in order.
import { KorrigoError } from '../../core/errors';
import { drawWriter, type Writer } from './handwriting';
import type { ExamPageSpec, HeaderFill, PageSpec } from './page-content';
import { PAGE_TAG_MAX_ID } from './page-tag';
import type { Random } from './random';
import type { RosterStudent, TruthPage, TruthSheet } from './types';

export interface PlannedSide {
  kind: 'a3' | 'a4';
  left?: PageSpec;
  right?: PageSpec;
  full?: PageSpec;
}

export interface StackPlan {
  sides: PlannedSide[];
  sheets: TruthSheet[];
  pages: TruthPage[];
  absent: string[];
}

export interface StackOptions {
  present: number;
  sheetsPerStudent: [number, number];
  a4Pages: number;
  dropLastVerso: boolean;
  fonts: readonly string[];
}

type Item =
  | { kind: 'sheet'; pages: [ExamPageSpec, ExamPageSpec, ExamPageSpec, ExamPageSpec] }
  | { kind: 'a4'; page: PageSpec };

export function planStack(rng: Random, roster: readonly RosterStudent[], options: StackOptions): StackPlan {
  const order = rng.shuffle(roster);
  const present = order.slice(0, options.present);
  const absentSet = new Set(order.slice(options.present));
  const ids = new IdPool(rng);
  // The whole batch is printed on the same paper: either every verso has the hatched band or none.
  const versoBand = rng.chance(0.5);
  const sheets: TruthSheet[] = [];
  const pages: TruthPage[] = [];
  const items: Item[] = [];

  for (const student of present) {
    const writer = drawWriter(rng, options.fonts);
    const header = headerAsWritten(student, rng.chance(0.8));
    const count = rng.int(options.sheetsPerStudent[0], options.sheetsPerStudent[1]);
    for (let sheetNo = 1; sheetNo <= count; sheetNo++) {
      const last = sheetNo === count;
      // A student's last pages are the ones left blank; a P3 is blank only when P4 is too.
      const p3Blank = last && rng.chance(0.15);
      const p4Blank = p3Blank || rng.chance(last ? 0.7 : 0.2);
      const headerFilled = sheetNo === 1 || rng.chance(0.25);
      const specs = ([1, 2, 3, 4] as const).map((pageInSheet): ExamPageSpec => {
        const blank = (pageInSheet === 3 && p3Blank) || (pageInSheet === 4 && p4Blank);
        const pageBox: [number, number] | null =
          blank && rng.chance(0.5) ? null : [(sheetNo - 1) * 4 + pageInSheet, count * 4];
        return {
          kind: 'exam',
          id: ids.next(),
          pageInSheet,
          header: pageInSheet === 1 && headerFilled ? header : null,
          pageBox,
          blank,
          versoBand,
          writer,
          seed: seedFrom(rng),
        };
      }) as [ExamPageSpec, ExamPageSpec, ExamPageSpec, ExamPageSpec];
      const sheetIndex = sheets.length;
      sheets.push({
        student: student.email,
        sheetNo,
        sheetsOf: count,
        headerFilled,
        pages: [specs[0].id, specs[1].id, specs[2].id, specs[3].id],
      });
      for (const spec of specs) {
        pages.push({
          id: spec.id,
          student: student.email,
          sheet: sheetIndex,
          pageInSheet: spec.pageInSheet,
          pageBox: spec.pageBox,
          blank: spec.blank,
        });
      }
      items.push({ kind: 'sheet', pages: specs });
    }
  }

  insertLoosePages(rng, items, pages, ids, options);
  const sides = items.flatMap((item): PlannedSide[] =>
    item.kind === 'a4'
      ? [{ kind: 'a4', full: item.page }]
      : [
          { kind: 'a3', left: item.pages[3], right: item.pages[0] },
          { kind: 'a3', left: item.pages[1], right: item.pages[2] },
        ],
  );
  if (options.dropLastVerso) dropLastVerso(sides, pages);
  return {
    sides,
    sheets,
    pages,
    absent: roster.filter((s) => absentSet.has(s)).map((s) => s.email),
  };
}

/** Capitals, one per box; most students drop the accents, some keep them. */
function headerAsWritten(student: RosterStudent, dropAccents: boolean): HeaderFill {
  const write = (text: string) =>
    (dropAccents ? text.normalize('NFD').replace(/\p{M}/gu, '') : text).toUpperCase();
  return {
    lastName: write(student.lastName),
    firstName: write(student.firstName),
    birthDate: student.birthDate,
  };
}

/** Annex pages go between sheets, never between a recto and its verso. */
function insertLoosePages(
  rng: Random,
  items: Item[],
  pages: TruthPage[],
  ids: IdPool,
  options: StackOptions,
): void {
  for (let k = 0; k < options.a4Pages; k++) {
    const writer: Writer = drawWriter(rng, options.fonts);
    const page: PageSpec = { kind: 'annex', id: ids.next(), writer, seed: seedFrom(rng) };
    items.splice(rng.int(0, items.length), 0, { kind: 'a4', page });
    pages.push({ id: page.id, student: null, sheet: null, pageInSheet: null, pageBox: null, blank: false });
  }
}

function dropLastVerso(sides: PlannedSide[], pages: TruthPage[]): void {
  let last = -1;
  sides.forEach((side, i) => {
    if (side.kind === 'a3' && side.left?.kind === 'exam' && side.left.pageInSheet === 2) last = i;
  });
  if (last < 0) return;
  const [dropped] = sides.splice(last, 1);
  const lost = new Set([dropped?.left?.id, dropped?.right?.id]);
  for (const page of pages) if (lost.has(page.id)) page.unscanned = true;
}

function seedFrom(rng: Random): number {
  return Math.floor(rng.next() * 4294967296);
}

/** Half the tag's id space, so drawing a free id stays quick. */
const MAX_PAGES = Math.floor(PAGE_TAG_MAX_ID / 2);

/** Page ids drawn at random, so no test can pass by assuming they follow the stack order. */
class IdPool {
  private readonly used = new Set<number>();

  constructor(private readonly rng: Random) {}

  next(): number {
    if (this.used.size >= MAX_PAGES) {
      throw new KorrigoError(
        'bad-arguments',
        `A batch holds at most ${MAX_PAGES} pages: ask for fewer students or sheets.`,
      );
    }
    for (;;) {
      const id = this.rng.int(1, PAGE_TAG_MAX_ID);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
