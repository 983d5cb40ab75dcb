// What the reader read on a copy, for the review desk: the side readings kept by the batch's reading (keyed
// by scan content and page, so rebuilt from the scans whenever they are read again) laid over the copy as
// the decisions left it. Decisions move and turn pages, never change what a side says.
import type { CellGuess, CopyReading, PagePart, PageReading, ReadingMiss, Rotation } from '../api/contract';
import type { FieldReading, PageBoxReading, SideReading } from '../identify/types';
import { bestChances } from '../identify/read-boxes';
import { readingHalves } from '../identify/reading-halves';
import type { RosterStudent } from '../roster/load-roster';
import { likelyWriters } from './likely-writers';
import type { ManifestCopy, ManifestPage } from '../manifest';

/** The key side readings are kept under: `${scan sha256}:${page number}` (as core/identify/read-stack). */
export const sideReadingKey = (sha256: string, page: number): string => `${sha256}:${page}`;

/** `part` of a page, on the same page turned clockwise by `turn`. */
export function turnedPart(part: PagePart, turn: Rotation): PagePart {
  const { x, y, width, height } = part;
  // The reader keeps four decimals; so does the turn (1 − 0.07 is 0.9299999… in floating point).
  const rest = (used: number) => Math.round((1 - used) * 10_000) / 10_000;
  if (turn === 90) return { x: rest(y + height), y: x, width: height, height: width };
  if (turn === 180) return { x: rest(x + width), y: rest(y + height), width, height };
  if (turn === 270) return { x: y, y: rest(x + width), width: height, height: width };
  return part;
}

/** `turn`: how the page is shown relative to the upright page the reader placed the boxes on; null: not shown. */
export function cellGuesses(field: FieldReading, turn: Rotation | null = null): CellGuess[] {
  return field.cells.map((cell, index) => {
    let best = 0;
    cell.probs.forEach((p, index) => {
      if (p > cell.probs[best]!) best = index;
    });
    const written = (1 - cell.empty) * (cell.probs[best] ?? 0);
    const box = turn === null ? undefined : field.boxes?.[index];
    const guess: CellGuess =
      cell.empty >= 0.5
        ? { char: null, confidence: cell.empty }
        : { char: field.alphabet[best] ?? null, confidence: written };
    return box ? { ...guess, box: turnedPart(box, turn!) } : guess;
  });
}

export function copyReading(
  copy: Pick<ManifestCopy, 'pages'>,
  sources: readonly { sha256: string }[],
  readingOf: (key: string) => SideReading | undefined,
  students: readonly RosterStudent[] = [],
): CopyReading {
  const keys = copy.pages.map((page) => sideReadingKey(sources[page.file - 1]!.sha256, page.source));
  const sides = keys.map((key) => readingOf(key));
  const pages = copy.pages.map((page, index): PageReading => {
    const side = sides[index];
    if (!side) return { pageBox: null, missing: [], role: 'unread' };
    if (side.role === 'unknown' || page.half === 'full') {
      // An A4 page, or a side nobody could place: which half is which is unknown, so what the side says
      // goes with the copy's first page from that side, once.
      const firstOfSide = keys.indexOf(keys[index]!) === index;
      const box = firstOfSide ? side.pageBoxes[0] : null;
      const missing = firstOfSide
        ? (side.missing ?? []).map(({ field, code, params }) => ({ field, code, params }))
        : [];
      return {
        pageBox: box ? { ...box.best, confidence: bestChances(box) } : null,
        missing,
        role: side.role,
      };
    }
    const order = readingHalves(side.role, side.upsideDown ?? false).indexOf(page.half);
    const box = side.pageBoxes[order];
    // The header is P1's: the first page of a recto in reading order.
    return {
      pageBox: box ? placedPageBox(box, shownTurn(side, page)) : null,
      missing: misses(side, order as 0 | 1, side.role === 'recto' && order === 0),
      role: side.role,
    };
  });
  const first = sides[0];
  const header = first?.header ?? null;
  const turn = first && headerTurn(first, copy.pages[0]!);
  return {
    header: header && {
      lastName: cellGuesses(header.lastName, turn),
      firstName: cellGuesses(header.firstName, turn),
      birthDate: cellGuesses(header.birthDate, turn),
      empty: header.empty,
    },
    pages,
    likely: likelyWriters(header, students),
  };
}

/**
 * How the copy's first page is shown relative to the upright P1 the header was read on, or null when that
 * page is not the header's (a page moved in front of it). The reader turned a side fed upside down by 180°
 * and so does the split: what the operator turned since comes on top of that.
 */
function headerTurn(side: SideReading, page: ManifestPage): Rotation | null {
  if (side.role !== 'recto') return null;
  const upsideDown = side.upsideDown ?? false;
  if (page.half !== 'full' && readingHalves('recto', upsideDown)[0] !== page.half) return null;
  return shownTurn(side, page);
}

/** How a half page is shown relative to the upright page it was read as: the split's 180° is the reader's. */
function shownTurn(side: SideReading, page: ManifestPage): Rotation {
  return ((((page.rotate - (side.upsideDown ? 180 : 0)) % 360) + 360) % 360) as Rotation;
}

function placedPageBox(box: PageBoxReading, turn: Rotation): NonNullable<PageReading['pageBox']> {
  const said = { ...box.best, confidence: bestChances(box) };
  if (!box.boxes) return said;
  const { number, total } = box.boxes;
  return { ...said, boxes: { number: turnedPart(number, turn), total: turnedPart(total, turn) } };
}

function misses(side: SideReading, order: 0 | 1, holdsHeader: boolean): ReadingMiss[] {
  return (side.missing ?? [])
    .filter((miss) => (miss.field === 'pageBox' ? (miss.page ?? 0) === order : holdsHeader))
    .map(({ field, code, params }) => ({ field, code, params }));
}
