// What the reader read on a copy, for the review desk: the side readings kept by the batch's reading (keyed
// by scan content and page, so rebuilt from the scans whenever they are read again) laid over the copy as
// the decisions left it. Decisions move and turn pages, never change what a side says.
import type { CellGuess, CopyReading, PageReading, ReadingMiss } from '../api/contract';
import type { FieldReading, SideReading } from '../identify/types';
import { readingHalves } from '../identify/reading-halves';
import type { ManifestCopy } from '../manifest';

/** The key side readings are kept under: `${scan sha256}:${page number}` (as core/identify/read-stack). */
export const sideReadingKey = (sha256: string, page: number): string => `${sha256}:${page}`;

export function cellGuesses(field: FieldReading): CellGuess[] {
  return field.cells.map((cell) => {
    let best = 0;
    cell.probs.forEach((p, index) => {
      if (p > cell.probs[best]!) best = index;
    });
    const written = (1 - cell.empty) * (cell.probs[best] ?? 0);
    return cell.empty >= 0.5
      ? { char: null, confidence: cell.empty }
      : { char: field.alphabet[best] ?? null, confidence: written };
  });
}

export function copyReading(
  copy: Pick<ManifestCopy, 'pages'>,
  sources: readonly { sha256: string }[],
  readingOf: (key: string) => SideReading | undefined,
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
      return { pageBox: box ? box.best : null, missing, role: side.role };
    }
    const order = readingHalves(side.role, side.upsideDown ?? false).indexOf(page.half);
    const box = side.pageBoxes[order];
    // The header is P1's: the first page of a recto in reading order.
    return {
      pageBox: box ? box.best : null,
      missing: misses(side, order as 0 | 1, side.role === 'recto' && order === 0),
      role: side.role,
    };
  });
  const first = sides[0];
  const header = first?.header ?? null;
  return {
    header: header && {
      lastName: cellGuesses(header.lastName),
      firstName: cellGuesses(header.firstName),
      birthDate: cellGuesses(header.birthDate),
      empty: header.empty,
    },
    pages,
  };
}

function misses(side: SideReading, order: 0 | 1, holdsHeader: boolean): ReadingMiss[] {
  return (side.missing ?? [])
    .filter((miss) => (miss.field === 'pageBox' ? (miss.page ?? 0) === order : holdsHeader))
    .map(({ field, code, params }) => ({ field, code, params }));
}
