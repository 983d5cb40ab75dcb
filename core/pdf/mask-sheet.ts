// Masks scaled by the same factor, unpacked side by side into one sheet of one byte a sample (255 where a
// mask paints), each turned as it is displayed, so that one sharp call scales them all. Deflated masks are
// inflated by zlib and unpacked here; Group 4 masks are decoded by sharp (libtiff), one call each. Each mask sits on
// sample positions the factor maps to whole pixels, and gaps between masks wider than the resampling
// kernel reaches keep each mask's scaled edges its own: cut back out, a mask's pixels are those it would
// have scaled alone on an empty page.
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { bilevelTiff } from './bilevel-tiff';
import type { PageMask } from './page-mask';

/** A scale from samples to pixels; `step` samples make whole pixels (1 when the scale is no simple ratio). */
export interface Factor {
  value: number;
  step: number;
}

export interface SheetFactor {
  across: Factor;
  down: Factor;
  /** Masks with equal keys share a sheet. */
  key: string;
}

export interface SheetPlace {
  /** The mask's index in the page's drawing order. */
  index: number;
  /** The mask's top-left corner on the sheet, in samples, as displayed. */
  left: number;
  top: number;
  displayedWidth: number;
  displayedHeight: number;
}

export interface MaskSheet {
  data: Uint8Array;
  width: number;
  height: number;
  factor: SheetFactor;
  /** Pixels around a scaled mask that its edges may reach, across and down. */
  margin: { across: number; down: number };
  places: SheetPlace[];
}

/** Samples are ratios of small whole numbers of pixels on real pages (300 dpi masks on 150 dpi pixels: 1/2). */
const LARGEST_STEP = 64;
/** A sheet's rows of masks are about this many samples wide. */
const SHEET_WIDTH = 2048;

const displayedSize = ({ turn, bits }: PageMask) =>
  turn === 90 || turn === 270 ? [bits.height, bits.width] : [bits.width, bits.height];

function factorOf(value: number): Factor | undefined {
  for (let step = 1; step <= LARGEST_STEP; step++) {
    const pixels = value * step;
    if (Math.abs(pixels - Math.round(pixels)) < 1e-6 && Math.round(pixels) > 0)
      return { value: Math.round(pixels) / step, step };
  }
  return undefined;
}

/** The mask's scale to pixels at `scale` pixels a point, if it is a simple ratio. */
export function sheetFactor(mask: PageMask, scale: number): SheetFactor | undefined {
  const [width, height] = displayedSize(mask);
  const across = factorOf((mask.rect.width * scale) / width!);
  const down = factorOf((mask.rect.height * scale) / height!);
  if (!across || !down) return undefined;
  return { across, down, key: `${across.value}/${across.step} ${down.value}/${down.step}` };
}

/** Whole pixels that a scaled mask's edge may reach: a Lanczos-3 kernel's three, scaled up when enlarging. */
const reach = (factor: number) => Math.ceil(3 * Math.max(1, factor)) + 1;
const roundUp = (value: number, step: number) => Math.ceil(value / step) * step;

/**
 * One sheet holding `masks` (all of one `sheetFactor`, or one mask alone), indexed by `indexes` in the page's
 * drawing order. Rows of masks, tallest first, each mask in a cell as wide as its gaps need.
 */
export async function drawMaskSheet(
  masks: readonly PageMask[],
  indexes: readonly number[],
  scale: number,
): Promise<MaskSheet> {
  const [first] = masks;
  const [firstWidth, firstHeight] = displayedSize(first!);
  const factor = sheetFactor(first!, scale) ?? {
    across: { value: (first!.rect.width * scale) / firstWidth!, step: 1 },
    down: { value: (first!.rect.height * scale) / firstHeight!, step: 1 },
    key: 'alone',
  };
  const margin = { across: reach(factor.across.value), down: reach(factor.down.value) };
  const gapX = roundUp(Math.ceil(margin.across / factor.across.value), factor.across.step);
  const gapY = roundUp(Math.ceil(margin.down / factor.down.value), factor.down.step);
  const order = masks
    .map((_, k) => k)
    .sort((a, b) => displayedSize(masks[b]!)[1]! - displayedSize(masks[a]!)[1]!);
  const places: SheetPlace[] = [];
  let [x, y, rowHeight, width] = [0, 0, 0, 0];
  for (const k of order) {
    const [displayedWidth, displayedHeight] = displayedSize(masks[k]!) as [number, number];
    const cellWidth = gapX + roundUp(displayedWidth, factor.across.step) + gapX;
    const cellHeight = gapY + roundUp(displayedHeight, factor.down.step) + gapY;
    if (x > 0 && x + cellWidth > SHEET_WIDTH) [x, y, rowHeight] = [0, y + rowHeight, 0];
    places.push({ index: indexes[k]!, left: x + gapX, top: y + gapY, displayedWidth, displayedHeight });
    x += cellWidth;
    width = Math.max(width, x);
    rowHeight = Math.max(rowHeight, cellHeight);
  }
  const height = y + rowHeight;
  const data = new Uint8Array(width * height);
  const samples = await Promise.all(order.map((k) => samplesOf(masks[k]!)));
  order.forEach((k, n) => drawMask(data, width, masks[k]!, samples[n]!, places[n]!));
  return { data, width, height, factor, margin, places };
}

/** A mask's rows: packed bits and the bit that paints, or one byte a sample, 255 where it paints. */
type Samples = { packed: Uint8Array; painting: 0 | 1 } | { bytes: Uint8Array };

async function samplesOf({ bits }: PageMask): Promise<Samples> {
  const { width, height } = bits;
  if (bits.compression === 'deflate') {
    const packed = inflateSync(bits.data);
    const rowBytes = (width + 7) >> 3;
    if (packed.length < rowBytes * height)
      throw new Error(`a mask's data holds ${packed.length} bytes, not ${rowBytes * height}`);
    // A sample that decodes white paints: a 0 bit if 0 is white.
    return { packed, painting: bits.photometric === 'white-is-zero' ? 0 : 1 };
  }
  const bytes = await sharp(bilevelTiff(bits)).toColourspace('b-w').raw().toBuffer();
  if (bytes.length !== width * height)
    throw new Error(`a mask decoded to ${bytes.length} bytes, not ${width * height}`);
  return { bytes };
}

/** The mask's painting samples set to 255 on the sheet, turned as displayed. */
function drawMask(
  sheet: Uint8Array,
  sheetWidth: number,
  mask: PageMask,
  samples: Samples,
  place: SheetPlace,
): void {
  const { turn } = mask;
  const { width, height } = mask.bits;
  // Where stored sample (0, 0) lands, and the steps on the sheet for one sample along a row and down a column.
  const { left, top } = place;
  const [origin, along, down] =
    turn === 90
      ? [top * sheetWidth + left + height - 1, sheetWidth, -1]
      : turn === 180
        ? [(top + height - 1) * sheetWidth + left + width - 1, -1, -sheetWidth]
        : turn === 270
          ? [(top + width - 1) * sheetWidth + left, -sheetWidth, 1]
          : [top * sheetWidth + left, 1, sheetWidth];
  if ('bytes' in samples) {
    for (let row = 0; row < height; row++) {
      const rowOrigin = origin + row * down;
      for (let column = 0; column < width; column++)
        if (samples.bytes[row * width + column]) sheet[rowOrigin + column * along] = 255;
    }
    return;
  }
  const { packed, painting } = samples;
  const rowBytes = (width + 7) >> 3;
  // Eight samples at once where none paints (most of a mask).
  const blank = painting ? 0x00 : 0xff;
  for (let row = 0; row < height; row++) {
    const rowStart = row * rowBytes;
    const rowOrigin = origin + row * down;
    for (let byte = 0; byte < rowBytes; byte++) {
      const value = packed[rowStart + byte]!;
      if (value === blank) continue;
      const end = Math.min(8, width - byte * 8);
      for (let bit = 0; bit < end; bit++) {
        if (((value >> (7 - bit)) & 1) === painting) sheet[rowOrigin + (byte * 8 + bit) * along] = 255;
      }
    }
  }
}
