// What, in one file's facts, may hurt reading or pairing: each warning names the file and says what to
// change at the scanner, in English like every message of the station.
import type { FileFacts, PageFacts } from './measure-file';

/**
 * The reader renders sides at 150 dpi, where a 5.6 mm header box is 33 px, and its cell classifier looks at
 * a 32 px high grid: below ~145 dpi a box holds fewer scanned pixels than that grid, so the reader works on
 * upsampled blur the scanner never resolved. 140 leaves room for a nominal 150 dpi scan whose image is
 * stretched a little over its page.
 */
export const MIN_READABLE_DPI = 140;

/**
 * Scanners' A3 and A4 come within a millimetre or two (the bizhub's A3 is 296.9 × 419.9 mm); US Letter
 * (216 × 279 mm) and Legal are off by 6 mm or more.
 */
const SIZE_TOLERANCE_MM = 5;
const EXPECTED_SIZES = [
  [297, 420],
  [210, 297],
] as const;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function fileWarnings(file: string, facts: FileFacts): string[] {
  return [
    coarseWarning(file, facts),
    sizeWarning(file, facts.pages),
    rotationWarning(file, facts.pages),
  ].filter((warning): warning is string => warning !== undefined);
}

/** Judged on the layer the handwriting is in: the ink masks when there are some, else the page images. */
function coarseWarning(file: string, facts: FileFacts): string | undefined {
  const layer = facts.inkDpi ? 'ink layer' : 'page images';
  const dpi = (facts.inkDpi ?? facts.imageDpi)?.min;
  if (dpi === undefined || dpi >= MIN_READABLE_DPI) return undefined;
  return (
    `${file}: scanned too coarse to read the handwritten headers (${layer} at ${dpi} dpi, ` +
    `${MIN_READABLE_DPI} dpi needed); scan again at 200–300 dpi`
  );
}

function isExpectedSize(page: PageFacts): boolean {
  const [short, long] = [page.widthMm, page.heightMm].sort((a, b) => a - b) as [number, number];
  return EXPECTED_SIZES.some(
    ([s, l]) => Math.abs(short - s) <= SIZE_TOLERANCE_MM && Math.abs(long - l) <= SIZE_TOLERANCE_MM,
  );
}

function sizeWarning(file: string, pages: readonly PageFacts[]): string | undefined {
  const odd = pages.flatMap((page, index) => (isExpectedSize(page) ? [] : [index + 1]));
  if (odd.length === 0) return undefined;
  const first = pages[odd[0]! - 1]!;
  const listed = odd.length > 5 ? `${odd.slice(0, 5).join(', ')}, …` : odd.join(', ');
  return (
    `${file}: ${plural(odd.length, 'page')} neither A3 nor A4 (page ${listed}; page ${odd[0]} is ` +
    `${first.widthMm} × ${first.heightMm} mm); check the scanner's paper size setting`
  );
}

/**
 * Pages of one size stored with different /Rotate values: a scanner writes every side of a job the same way,
 * so the file was turned page by page in a viewer or joins several scans. Different sizes may differ (a
 * copier stores A3 sides portrait with /Rotate 270 and A4 pages upright).
 */
function rotationWarning(file: string, pages: readonly PageFacts[]): string | undefined {
  const bySize = new Map<string, Map<number, number>>();
  for (const page of pages) {
    const size = `${page.widthMm} × ${page.heightMm} mm`;
    const counts = bySize.get(size) ?? new Map<number, number>();
    counts.set(page.rotate, (counts.get(page.rotate) ?? 0) + 1);
    bySize.set(size, counts);
  }
  const mixed = [...bySize].filter(([, counts]) => counts.size > 1);
  if (mixed.length === 0) return undefined;
  const described = mixed.map(
    ([size, counts]) =>
      `${size}: ${[...counts].map(([rotate, count]) => `/Rotate ${rotate} on ${plural(count, 'page')}`).join(', ')}`,
  );
  return (
    `${file}: pages of the same size are stored with different rotations (${described.join('; ')}); ` +
    'the file was turned page by page or joins several scans: check that every page shows upright'
  );
}
