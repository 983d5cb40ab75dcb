// Faults of the scan room, on the stack as it is fed: strangers' copies in the pile, sheets lost, blank
// versos dropped by the scanner, sheets fed the wrong way, sheets rescanned after a jam.
import { KorrigoError } from '../../core/errors';
import { feedExtra, rescan, turnUpsideDown, type FedSide } from './feed';
import type { Random } from './random';
import type { SheetPicker } from './sheet-picker';
import { planCopySides, type CopyOptions, type StackPlan } from './stack';
import type { RosterStudent, TruthSheet } from './types';

/** The stack being fed, with the plan its truth is kept in. */
export interface Feed {
  plan: StackPlan;
  sides: FedSide[];
  picker: SheetPicker;
}

/** Each stranger's copy goes into the pile between two other copies. */
export function insertStrangers(
  rng: Random,
  feed: Feed,
  strangers: readonly RosterStudent[],
  options: CopyOptions,
): void {
  for (const stranger of strangers) {
    const sides = planCopySides(rng, feed.plan.ids, stranger, options, feed.plan).map((paper) =>
      feedExtra(paper, rng),
    );
    feed.sides.splice(rng.pick(copyBoundaries(feed)), 0, ...sides);
  }
}

/** Positions in the stack between two students' copies (a loose A4 page belongs to neither). */
function copyBoundaries(feed: Feed): number[] {
  const owners = feed.sides.map((s) =>
    s.paper.sheet === undefined ? null : sheetOf(feed, s.paper.sheet).student,
  );
  const positions: number[] = [];
  for (let i = 0; i <= owners.length; i++) {
    const before = owners.slice(0, i).findLast((o) => o !== null);
    const after = owners.slice(i).find((o) => o !== null);
    if (before === undefined || after === undefined || before !== after) positions.push(i);
  }
  return positions;
}

/** Positions in the stack between two sheets: never between a recto and its verso. */
export function sheetBoundaries(sides: readonly FedSide[]): number[] {
  return Array.from({ length: sides.length + 1 }, (_, i) => i).filter((i) => {
    const before = sides[i - 1]?.paper.sheet;
    return before === undefined || before !== sides[i]?.paper.sheet;
  });
}

/** Students with 2 or more sheets lose one of them before scanning. */
export function loseSheets(rng: Random, feed: Feed, count: number): void {
  const ofSeveral = feed.plan.copies.filter((c) => c.sheets.length >= 2).flatMap((c) => c.sheets);
  const needs = 'sheets of students with 2 or more sheets';
  for (const index of feed.picker.take(
    rng,
    'missingSheets',
    count,
    feed.picker.free(ofSeveral),
    needs,
    true,
  )) {
    removeSides(feed, (side) => side.paper.sheet === index);
    sheetOf(feed, index).missing = true;
  }
}

/** The scanner's blank-page removal drops these sheets' (blank) versos. */
export function dropVersos(feed: Feed, sheets: readonly number[]): void {
  for (const index of sheets) {
    removeSides(feed, (side) => side.paper.sheet === index && isVerso(side));
  }
}

function removeSides(feed: Feed, lost: (side: FedSide) => boolean): void {
  const ids = new Set(feed.sides.filter(lost).flatMap((s) => [s.paper.left?.id, s.paper.right?.id]));
  feed.sides = feed.sides.filter((side) => !lost(side));
  for (const page of feed.plan.pages) if (ids.has(page.id)) page.unscanned = true;
}

/** Sheets fed upside down, verso first, or both: each kind takes its own sheets. */
export function feedWrongWay(
  rng: Random,
  feed: Feed,
  counts: { upsideDown: number; versoFirst: number; upsideDownVersoFirst: number },
): void {
  const kinds = [
    ['upsideDown', counts.upsideDown, true, false],
    ['versoFirst', counts.versoFirst, false, true],
    ['upsideDownVersoFirst', counts.upsideDownVersoFirst, true, true],
  ] as const;
  for (const [fault, count, upsideDown, versoFirst] of kinds) {
    for (const index of feed.picker.take(rng, fault, count, feed.picker.free(), 'sheets')) {
      const recto = feed.sides.findIndex((s) => s.paper.sheet === index);
      const pair = feed.sides.slice(recto, recto + 2);
      if (pair.length !== 2 || pair.some((s) => s.paper.sheet !== index)) {
        throw new Error(`sheet ${index} is not fed as a recto followed by its verso`);
      }
      const sheet = sheetOf(feed, index);
      if (upsideDown) {
        pair.forEach(turnUpsideDown);
        sheet.upsideDown = true;
      }
      if (versoFirst) {
        feed.sides.splice(recto, 2, ...pair.reverse());
        sheet.versoFirst = true;
      }
    }
  }
}

/** Sheets scanned again after a jam: right after their first scan, or at the end of the stack. */
export function rescanSheets(rng: Random, feed: Feed, counts: { rightAfter: number; atEnd: number }): void {
  const rightAfter = feed.picker.take(
    rng,
    'duplicateSheets.rightAfter',
    counts.rightAfter,
    feed.picker.free(),
    'sheets',
  );
  for (const index of rightAfter) {
    const first = firstScans(feed, index);
    const end = feed.sides.indexOf(first.at(-1) as FedSide);
    feed.sides.splice(end + 1, 0, ...first.map((side) => rescan(side, rng, feed.plan.ids, feed.plan.pages)));
  }
  const atEnd = feed.picker.take(rng, 'duplicateSheets.atEnd', counts.atEnd, feed.picker.free(), 'sheets');
  for (const index of rng.shuffle(atEnd)) {
    const first = firstScans(feed, index);
    feed.sides.push(...first.map((side) => rescan(side, rng, feed.plan.ids, feed.plan.pages)));
  }
}

/**
 * A run of `count` consecutive sheets of the stack (whatever else befell them) scanned again, as an
 * operator rescans the part of the pile a jam spoiled, into a file of its own.
 */
export function rescanRun(rng: Random, feed: Feed, count: number): FedSide[] {
  const scanned = feed.sides.filter((s) => s.paper.sheet !== undefined && !s.rescanOf);
  const order = [...new Set(scanned.map((s) => s.paper.sheet as number))];
  if (count > order.length) {
    throw new KorrigoError(
      'bad-arguments',
      `Generator options: duplicateSheets.repeatFile asks for ${count} sheets, but only ${order.length} were scanned.`,
    );
  }
  const start = rng.int(0, order.length - count);
  const run = new Set(order.slice(start, start + count));
  return scanned
    .filter((s) => run.has(s.paper.sheet as number))
    .map((side) => rescan(side, rng, feed.plan.ids, feed.plan.pages));
}

function firstScans(feed: Feed, index: number): FedSide[] {
  return feed.sides.filter((s) => s.paper.sheet === index && !s.rescanOf);
}

function sheetOf(feed: Feed, index: number): TruthSheet {
  const sheet = feed.plan.sheets[index];
  if (!sheet) throw new Error(`no sheet ${index} in the plan`);
  return sheet;
}

/** A verso shows P2 on its paper's left. */
function isVerso(side: FedSide): boolean {
  return side.paper.left?.kind === 'exam' && side.paper.left.pageInSheet === 2;
}
