// Sets of synthetic cells: rows of capitals (name boxes) and rows of digits (date and page boxes), every
// character equally often, some boxes left empty, at scan resolutions from 120 to 320 dpi. Rows are written
// either from the glyph bank (fast: training) or by the scan generator's writer through librsvg (evaluation).
import type { CellImage } from '../../../core/identify/types';
import { DIGIT_ALPHABET, NAME_ALPHABET } from '../../../core/identify/types';
import { Random } from '../../../test/generator/random';
import { renderFontGlyphs, type FontGlyphs } from './glyph-bank';
import { drawGlyphRow } from './glyph-row';
import { isMnistHand, mnistHand } from './mnist-hands';
import { drawRowGeometry } from './row-geometry';
import { scanCells } from './scan-cells';
import { renderWriterRow } from './writer-row';

export interface SynthCell {
  cell: CellImage;
  /** The character written in the box, '' when it was left empty. */
  label: string;
  /** The alphabet of the field the row belongs to (NAME_ALPHABET or DIGIT_ALPHABET). */
  alphabet: string;
  font: string;
  dpi: number;
}

export type Penmanship = 'glyph-bank' | 'generator-writer';

export interface CellSetSpec {
  seed: number;
  fonts: readonly string[];
  /**
   * Rows written in each font, alternately capitals (12 boxes) and digits (8 boxes); only digits for the
   * MNIST pseudo-fonts (mnist-hands.ts), which need the glyph-bank penmanship.
   */
  rowsPerFont: number;
  penmanship: Penmanship;
  dpi?: [number, number];
  /** Chance that a box is left empty. */
  emptyRate?: number;
  /** Training's heavier augmentation (glyph-row.ts, scan-cells.ts); evaluation sets leave it off. */
  heavy?: boolean;
}

const LETTER_ROW = 12;
const DIGIT_ROW = 8;
const ALL_CHARS = NAME_ALPHABET + DIGIT_ALPHABET;

const bankCache = new Map<string, FontGlyphs>();

async function fontGlyphs(font: string): Promise<FontGlyphs> {
  let glyphs = bankCache.get(font);
  if (!glyphs) {
    glyphs = await renderFontGlyphs(font, ALL_CHARS);
    bankCache.set(font, glyphs);
  }
  return glyphs;
}

export async function* synthesizeCells(spec: CellSetSpec): AsyncGenerator<SynthCell> {
  const [minDpi, maxDpi] = spec.dpi ?? [120, 320];
  const emptyRate = spec.emptyRate ?? 0.12;
  const rng = new Random(spec.seed);
  const rows = spec.fonts.flatMap((font) =>
    Array.from({ length: spec.rowsPerFont }, (_, row) => ({ font, row })),
  );
  for (const { font, row } of rng.shuffle(rows)) {
    const rowRng = rng.fork();
    const mnist = isMnistHand(font);
    const digits = mnist || row % 2 === 1;
    const alphabet = digits ? DIGIT_ALPHABET : NAME_ALPHABET;
    const labels = Array.from({ length: digits ? DIGIT_ROW : LETTER_ROW }, () =>
      rowRng.chance(emptyRate) ? '' : (alphabet[rowRng.int(0, alphabet.length - 1)] as string),
    );
    const dpi = rowRng.int(minDpi, maxDpi);
    const geometry = drawRowGeometry(rowRng, labels.length, dpi);
    let cells: CellImage[];
    if (spec.penmanship === 'glyph-bank' || mnist) {
      const bank = mnist ? mnistHand(rowRng, font) : await fontGlyphs(font);
      const written = drawGlyphRow(rowRng, bank, labels, geometry, spec.heavy);
      cells = await scanCells(rowRng, written.row, geometry, written.glyphs, spec.heavy);
    } else {
      cells = await scanCells(rowRng, await renderWriterRow(rowRng, font, labels, geometry), geometry, null);
    }
    for (const [i, cell] of cells.entries()) yield { cell, label: labels[i] as string, alphabet, font, dpi };
  }
}

export async function synthesizeCellSet(spec: CellSetSpec): Promise<SynthCell[]> {
  const cells: SynthCell[] = [];
  for await (const cell of synthesizeCells(spec)) cells.push(cell);
  return cells;
}
