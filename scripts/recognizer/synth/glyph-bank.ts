// Every character of every training font, rendered once by librsvg at a large size (with and without a pen
// stroke around it), so that thousands of cells can then be drawn from it in plain TypeScript without
// asking librsvg again for each one.
import sharp from 'sharp';
import { escapeXml } from '../../../test/generator/scene';

/** Font size of the reference renders, px. */
export const REFERENCE_SIZE = 96;
/** Stroke widths (px at the reference size) the bank holds each glyph with: bare, and a heavier pen. */
export const PEN_STROKES = [0, 5] as const;

const CANVAS_WIDTH = 288;
const CANVAS_HEIGHT = 224;
const ANCHOR_X = CANVAS_WIDTH / 2;
const BASELINE_Y = 160;

export interface Glyph {
  width: number;
  height: number;
  coverage: Float32Array;
  /** Top-left of the bitmap relative to the text anchor (advance centre, baseline), px at reference size. */
  left: number;
  top: number;
}

export interface FontGlyphs {
  font: string;
  /** Height of a capital H in px at the reference size. */
  capHeight: number;
  /** glyphs[pen][char] */
  glyphs: Map<string, Glyph>[];
}

async function renderGlyph(font: string, char: string, stroke: number): Promise<Glyph | null> {
  const strokeAttributes =
    stroke > 0 ? ` stroke="black" stroke-width="${stroke}" stroke-linejoin="round"` : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CANVAS_WIDTH}" height="${CANVAS_HEIGHT}">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="${ANCHOR_X}" y="${BASELINE_Y}" font-family="${escapeXml(font)}" font-size="${REFERENCE_SIZE}"` +
    ` text-anchor="middle" fill="black"${strokeAttributes}>${escapeXml(char)}</text></svg>`;
  const grey = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer();
  let x0 = CANVAS_WIDTH;
  let y0 = CANVAS_HEIGHT;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < CANVAS_HEIGHT; y++) {
    for (let x = 0; x < CANVAS_WIDTH; x++) {
      if ((grey[y * CANVAS_WIDTH + x] as number) < 250) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < 0) return null;
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  const coverage = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      coverage[y * width + x] = 1 - (grey[(y + y0) * CANVAS_WIDTH + x + x0] as number) / 255;
    }
  }
  return { width, height, coverage, left: x0 - ANCHOR_X, top: y0 - BASELINE_Y };
}

export async function renderFontGlyphs(font: string, chars: string): Promise<FontGlyphs> {
  const capital = await renderGlyph(font, 'H', 0);
  if (!capital) throw new Error(`Font ${font} draws no capital H.`);
  const glyphs: Map<string, Glyph>[] = [];
  for (const stroke of PEN_STROKES) {
    const byChar = new Map<string, Glyph>();
    for (const char of chars) {
      const glyph = await renderGlyph(font, char, stroke);
      if (!glyph) throw new Error(`Font ${font} draws nothing for ${JSON.stringify(char)}.`);
      byChar.set(char, glyph);
    }
    glyphs.push(byChar);
  }
  return { font, capHeight: capital.height, glyphs };
}
