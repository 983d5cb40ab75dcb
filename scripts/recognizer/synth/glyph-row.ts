// A comb row written from the glyph bank: each character scaled, slanted, turned and placed in its box the
// way the scan generator's writer does it (test/generator/handwriting.ts), with wider ranges, drawn by
// inverse mapping with supersampling so small cells stay antialiased like a renderer's.
import type { Random } from '../../../test/generator/random';
import type { Rect } from '../../../test/generator/sheet-layout';
import { PEN_STROKES, type FontGlyphs, type Glyph } from './glyph-bank';
import type { Plane } from './plane';
import type { RowGeometry } from './row-geometry';

interface Hand {
  /** Degrees, positive leans right. */
  slant: number;
  /** 0 tidy … 1.4 messy: scales every jitter. */
  messiness: number;
  /** Horizontal stretch of every letter. */
  aspect: number;
  /** Size of the writing relative to the box. */
  scale: number;
  pen: number;
}

type Span = readonly [number, number];

/** The writers the generator draws, and (for training only) wider ones: steep slants, narrow or wide
 * letters, letters over the rule. */
const HANDS: Record<'usual' | 'heavy', { slant: Span; messiness: Span; aspect: Span; scale: Span }> = {
  usual: { slant: [-8, 14], messiness: [0, 1.4], aspect: [0.8, 1.2], scale: [0.8, 1.15] },
  heavy: { slant: [-15, 24], messiness: [0, 1.8], aspect: [0.65, 1.35], scale: [0.7, 1.35] },
};

function drawHand(rng: Random, heavy: boolean): Hand {
  const spans = HANDS[heavy ? 'heavy' : 'usual'];
  // Always drawn in this order: a seed gives the same hands, so models are compared on the same cells.
  return {
    slant: rng.range(...spans.slant),
    messiness: rng.range(...spans.messiness),
    aspect: rng.range(...spans.aspect),
    scale: rng.range(...spans.scale),
    pen: rng.int(0, PEN_STROKES.length - 1),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

// Hot loops call only module-level functions: a closure made per call costs more than the arithmetic.
function pixel(glyph: Glyph, x: number, y: number): number {
  return x < 0 || y < 0 || x >= glyph.width || y >= glyph.height
    ? 0
    : (glyph.coverage[y * glyph.width + x] as number);
}

function glyphAt(glyph: Glyph, x: number, y: number): number {
  const gx = x - glyph.left;
  const gy = y - glyph.top;
  const x0 = Math.floor(gx);
  const y0 = Math.floor(gy);
  if (x0 < -1 || y0 < -1 || x0 >= glyph.width || y0 >= glyph.height) return 0;
  const fx = gx - x0;
  const fy = gy - y0;
  return (
    (pixel(glyph, x0, y0) * (1 - fx) + pixel(glyph, x0 + 1, y0) * fx) * (1 - fy) +
    (pixel(glyph, x0, y0 + 1) * (1 - fx) + pixel(glyph, x0 + 1, y0 + 1) * fx) * fy
  );
}

/** One written character alone: its coverage over its footprint, placed at (x, y) in the row (px). */
export interface PlacedGlyph {
  x: number;
  y: number;
  plane: Plane;
}

/** Writes one character in box `box` (px) of a row `rowWidth` × `rowHeight` px. */
function writeGlyph(
  rowWidth: number,
  rowHeight: number,
  rng: Random,
  font: FontGlyphs,
  glyph: Glyph,
  box: Rect,
  hand: Hand,
): PlacedGlyph {
  const jitter = 0.5 + hand.messiness;
  const capPx = box.height * hand.scale * rng.range(0.55, 0.88);
  let scale = capPx / font.capHeight;
  const maxWidth = box.width * hand.scale * rng.range(0.85, 1.05);
  scale = Math.min(scale, maxWidth / (glyph.width * hand.aspect));
  const sx = scale * hand.aspect;
  const sy = scale;
  const cx = box.x + box.width / 2 + clamp(rng.gaussian() * 0.1 * jitter, -0.3, 0.3) * box.width;
  const baseline =
    box.y + (box.height + capPx) / 2 + clamp(rng.gaussian() * 0.08 * jitter, -0.2, 0.2) * box.height;
  const angle = (rng.gaussian() * 4 * jitter * Math.PI) / 180;
  const shear = Math.tan((hand.slant * Math.PI) / 180);
  // Forward: cell = T + R · K · S · ref, with K = [[1, -shear], [0, 1]] (positive slant leans right).
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const a = cos * sx;
  const b = cos * -shear * sy - sin * sy;
  const c = sin * sx;
  const d = sin * -shear * sy + cos * sy;
  const det = a * d - b * c;
  const [ia, ib, ic, id] = [d / det, -b / det, -c / det, a / det];
  const corners = [
    [glyph.left, glyph.top],
    [glyph.left + glyph.width, glyph.top],
    [glyph.left, glyph.top + glyph.height],
    [glyph.left + glyph.width, glyph.top + glyph.height],
  ].map(([x, y]) => [
    cx + a * (x as number) + b * (y as number),
    baseline + c * (x as number) + d * (y as number),
  ]);
  const xs = corners.map((p) => p[0] as number);
  const ys = corners.map((p) => p[1] as number);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(rowWidth - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(rowHeight - 1, Math.ceil(Math.max(...ys)));
  const plane: Plane = {
    width: Math.max(0, x1 - x0 + 1),
    height: Math.max(0, y1 - y0 + 1),
    data: new Float32Array(Math.max(0, x1 - x0 + 1) * Math.max(0, y1 - y0 + 1)),
  };
  const steps = clamp(Math.ceil(1 / scale), 1, 4);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let sum = 0;
      for (let j = 0; j < steps; j++) {
        const py = y + (j + 0.5) / steps - baseline;
        for (let i = 0; i < steps; i++) {
          const px = x + (i + 0.5) / steps - cx;
          sum += glyphAt(glyph, ia * px + ib * py, ic * px + id * py);
        }
      }
      plane.data[(y - y0) * plane.width + x - x0] = sum / (steps * steps);
    }
  }
  return { x: x0, y: y0, plane };
}

export interface GlyphRow {
  /** The whole row's ink coverage, characters only (no printed lines). */
  row: Plane;
  /** Each box's own character, null for an empty box. */
  glyphs: (PlacedGlyph | null)[];
}

export function drawGlyphRow(
  rng: Random,
  font: FontGlyphs,
  labels: readonly string[],
  geometry: RowGeometry,
  heavy = false,
): GlyphRow {
  const { width, height, pxPerMm } = geometry;
  const row: Plane = { width, height, data: new Float32Array(width * height) };
  const hand = drawHand(rng, heavy);
  const bank = font.glyphs[hand.pen] as Map<string, Glyph>;
  const glyphs = labels.map((label, i) => {
    if (label === '') return null;
    const glyph = bank.get(label);
    if (!glyph) throw new Error(`The glyph bank of ${font.font} has no ${JSON.stringify(label)}.`);
    const box = geometry.boxes[i] as Rect;
    const scaled = {
      x: box.x * pxPerMm,
      y: box.y * pxPerMm,
      width: box.width * pxPerMm,
      height: box.height * pxPerMm,
    };
    const placed = writeGlyph(width, height, rng, font, glyph, scaled, hand);
    for (let y = 0; y < placed.plane.height; y++) {
      for (let x = 0; x < placed.plane.width; x++) {
        const k = (placed.y + y) * width + placed.x + x;
        const ink = placed.plane.data[y * placed.plane.width + x] as number;
        row.data[k] = 1 - (1 - (row.data[k] as number)) * (1 - ink);
      }
    }
    return placed;
  });
  return { row, glyphs };
}
