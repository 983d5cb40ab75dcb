// The paper stack as it goes into the scanner: who handed in how many sheets, what each page shows, the
// loose A4 pages slipped in between, and the sides the scanner sees in order.
import { drawWriter, type Writer } from './handwriting';
import type { ExamPageSpec, HeaderFill, PageSpec } from './page-content';
import { IdPool } from './page-ids';
import type { PrintingName } from './printing';
import type { Random } from './random';
import type { RosterStudent, TruthPage, TruthSheet } from './types';

export interface PlannedSide {
  kind: 'a3' | 'a4';
  /** Pages as they lie on the paper's face: left and right of an A3 side, or the whole A4 page. */
  left?: PageSpec;
  right?: PageSpec;
  full?: PageSpec;
  /** Index into the truth's sheets, for an A3 side. */
  sheet?: number;
}

/** One student's copy, kept so that faults can add to it (an annex in the same hand) or alter it. */
export interface PlannedCopy {
  student: RosterStudent;
  writer: Writer;
  header: HeaderFill;
  /** Indices into the truth's sheets, in order. */
  sheets: number[];
}

export interface StackPlan {
  sides: PlannedSide[];
  sheets: TruthSheet[];
  pages: TruthPage[];
  absent: string[];
  copies: PlannedCopy[];
  /** P1..P4 of each sheet, index for index with `sheets`: what faults change on the paper. */
  sheetPages: SheetPages[];
  ids: IdPool;
  /** Whether this batch's versos carry the hatched band. */
  versoBand: boolean;
}

export interface CopyOptions {
  sheetsPerStudent: [number, number];
  fonts: readonly string[];
  printing?: PrintingName;
}

export interface StackOptions extends CopyOptions {
  present: number;
  a4Pages: number;
  dropLastVerso: boolean;
  /** Emails of students who must be among the present ones. */
  handIn: ReadonlySet<string>;
}

export type SheetPages = [ExamPageSpec, ExamPageSpec, ExamPageSpec, ExamPageSpec];
type Item = { kind: 'sheet'; sheet: number; pages: SheetPages } | { kind: 'a4'; page: PageSpec };

/** Where a copy's sheets, pages and stack items are collected. */
interface Collector {
  sheets: TruthSheet[];
  sheetPages: SheetPages[];
  pages: TruthPage[];
  items: Item[];
}

export function planStack(rng: Random, roster: readonly RosterStudent[], options: StackOptions): StackPlan {
  const order = handInFirst(rng.shuffle(roster), options.present, options.handIn);
  const present = order.slice(0, options.present);
  const absentSet = new Set(order.slice(options.present));
  const ids = new IdPool();
  // The whole batch is printed on the same paper: either every verso has the hatched band or none.
  const versoBand = rng.chance(0.5);
  const collected: Collector = { sheets: [], sheetPages: [], pages: [], items: [] };
  const copies = present.map((student) => planCopy(rng, ids, student, options, versoBand, collected));
  insertLoosePages(rng, collected, ids, options);
  const sides = collected.items.flatMap(itemSides);
  if (options.dropLastVerso) dropLastVerso(sides, collected.pages);
  return {
    sides,
    sheets: collected.sheets,
    sheetPages: collected.sheetPages,
    pages: collected.pages,
    absent: roster.filter((s) => absentSet.has(s)).map((s) => s.email),
    copies,
    ids,
    versoBand,
  };
}

/** The students who must hand in swap places with the first others of the present part, keeping the rest. */
function handInFirst(order: RosterStudent[], present: number, handIn: ReadonlySet<string>): RosterStudent[] {
  const out = [...order];
  let swap = 0;
  for (let i = present; i < out.length; i++) {
    if (!handIn.has((out[i] as RosterStudent).email)) continue;
    while (handIn.has((out[swap] as RosterStudent).email)) swap++;
    [out[i], out[swap]] = [out[swap] as RosterStudent, out[i] as RosterStudent];
  }
  return out;
}

/** One student's sheets, in their hand, added to `into`. */
export function planCopy(
  rng: Random,
  ids: IdPool,
  student: RosterStudent,
  options: CopyOptions,
  versoBand: boolean,
  into: Collector,
): PlannedCopy {
  const writer = drawWriter(rng, options.fonts);
  const header = headerAsWritten(student, rng.chance(0.8));
  const count = rng.int(options.sheetsPerStudent[0], options.sheetsPerStudent[1]);
  const copy: PlannedCopy = { student, writer, header, sheets: [] };
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
        id: ids.next(rng),
        pageInSheet,
        header: pageInSheet === 1 && headerFilled ? header : null,
        pageBox,
        blank,
        versoBand,
        writer,
        seed: seedFrom(rng),
        ...(options.printing ? { printing: options.printing } : {}),
      };
    }) as SheetPages;
    const sheetIndex = into.sheets.length;
    into.sheets.push({
      student: student.email,
      sheetNo,
      sheetsOf: count,
      headerFilled,
      pages: [specs[0].id, specs[1].id, specs[2].id, specs[3].id],
    });
    for (const spec of specs) {
      into.pages.push({
        id: spec.id,
        student: student.email,
        sheet: sheetIndex,
        pageInSheet: spec.pageInSheet,
        pageBox: spec.pageBox,
        blank: spec.blank,
      });
    }
    into.sheetPages.push(specs);
    into.items.push({ kind: 'sheet', sheet: sheetIndex, pages: specs });
    copy.sheets.push(sheetIndex);
  }
  return copy;
}

/** A sheet goes through as recto [P4 | P1] then verso [P2 | P3]; a loose page as itself. */
function itemSides(item: Item): PlannedSide[] {
  return item.kind === 'a4'
    ? [{ kind: 'a4', full: item.page }]
    : [
        { kind: 'a3', left: item.pages[3], right: item.pages[0], sheet: item.sheet },
        { kind: 'a3', left: item.pages[1], right: item.pages[2], sheet: item.sheet },
      ];
}

/** The sides a sheet planned outside the base stack (a stranger's copy) goes through as. */
export function planCopySides(
  rng: Random,
  ids: IdPool,
  student: RosterStudent,
  options: CopyOptions,
  plan: StackPlan,
): PlannedSide[] {
  const collected: Collector = { ...plan, items: [] };
  planCopy(rng, ids, student, options, plan.versoBand, collected);
  return collected.items.flatMap(itemSides);
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
function insertLoosePages(rng: Random, into: Collector, ids: IdPool, options: StackOptions): void {
  for (let k = 0; k < options.a4Pages; k++) {
    const writer: Writer = drawWriter(rng, options.fonts);
    const page: PageSpec = { kind: 'annex', id: ids.next(rng), writer, seed: seedFrom(rng) };
    into.items.splice(rng.int(0, into.items.length), 0, { kind: 'a4', page });
    into.pages.push({
      id: page.id,
      student: null,
      sheet: null,
      pageInSheet: null,
      pageBox: null,
      blank: false,
    });
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

export function seedFrom(rng: Random): number {
  return Math.floor(rng.next() * 4294967296);
}
