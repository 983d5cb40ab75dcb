// Cuts a written row into the cells a box finder hands over and scans them: pen and paper wobble, box-line
// leftovers, blur, the scanner's tones and noise, JPEG. One JPEG pass serves the whole row: its cells are
// laid side by side on 8-pixel boundaries so no JPEG block mixes two cells.
//
// Two ways of cutting, as box finders do: a fixed window a little inside or over the printed box (with
// whatever of the neighbours' letters and of the rules falls in it), or the station's own way
// (core/identify/locate/comb-cells.ts): the inside of the box, grown to hold its own letter whole where
// it overflows, everything else wiped to paper.
import sharp from 'sharp';
import type { CellImage } from '../../../core/identify/types';
import type { Random } from '../../../test/generator/random';
import type { Rect } from '../../../test/generator/sheet-layout';
import type { PlacedGlyph } from './glyph-row';
import { blur, crop, elasticWarp, morph, pressure, type Plane } from './plane';
import type { RowGeometry } from './row-geometry';
import { boxFinderEdges, drawTone, toGrey } from './scan-effects';

const JPEG_BLOCK = 8;

async function jpegRow(cells: CellImage[], quality: number): Promise<CellImage[]> {
  const slots = cells.map((cell) => Math.ceil(cell.width / JPEG_BLOCK) * JPEG_BLOCK);
  const width = slots.reduce((a, b) => a + b, 0);
  const height = Math.max(...cells.map((cell) => cell.height));
  const strip = new Uint8Array(width * height).fill(255);
  let offset = 0;
  cells.forEach((cell, i) => {
    for (let y = 0; y < cell.height; y++)
      strip.set(cell.data.subarray(y * cell.width, (y + 1) * cell.width), y * width + offset);
    offset += slots[i] as number;
  });
  const jpeg = await sharp(Buffer.from(strip), { raw: { width, height, channels: 1 } })
    .jpeg({ quality })
    .toBuffer();
  const decoded = await sharp(jpeg).greyscale().raw().toBuffer();
  offset = 0;
  return cells.map((cell, i) => {
    const data = new Uint8Array(cell.width * cell.height);
    for (let y = 0; y < cell.height; y++) {
      data.set(decoded.subarray(y * width + offset, y * width + offset + cell.width), y * cell.width);
    }
    offset += slots[i] as number;
    return { width: cell.width, height: cell.height, data };
  });
}

/** How far a letter may reach out of its box and still be kept whole (its height's share, as comb-cells). */
const OVERFLOW = 0.45;

/** The box's inside grown to its own letter's ink, with nothing else in it. */
function ownLetterCell(rng: Random, box: Rect, glyph: PlacedGlyph | null, pxPerMm: number): Plane {
  const inset = () => rng.range(0.1, 0.35) * pxPerMm;
  let x0 = Math.round(box.x + inset());
  let y0 = Math.round(box.y + inset());
  let x1 = Math.round(box.x + box.width - inset());
  let y1 = Math.round(box.y + box.height - inset());
  if (glyph) {
    const { plane } = glyph;
    const reachY = OVERFLOW * box.height;
    for (let y = 0; y < plane.height; y++) {
      for (let x = 0; x < plane.width; x++) {
        if ((plane.data[y * plane.width + x] as number) < 0.2) continue;
        x0 = Math.min(x0, glyph.x + x);
        x1 = Math.max(x1, glyph.x + x);
        y0 = Math.min(y0, Math.max(glyph.y + y, Math.round(box.y - reachY)));
        y1 = Math.max(y1, Math.min(glyph.y + y, Math.round(box.y + box.height + reachY)));
      }
    }
  }
  const own: Plane = glyph ? glyph.plane : { width: 0, height: 0, data: new Float32Array(0) };
  return crop(own, x0 - (glyph?.x ?? 0), y0 - (glyph?.y ?? 0), x1 - x0 + 1, y1 - y0 + 1);
}

/** A crop a box finder got wrong by up to a quarter of the box: half a letter, or a neighbour's edge. */
function shifted(rng: Random, rect: Rect): Rect {
  return {
    ...rect,
    x: Math.round(rect.x + rng.range(-0.25, 0.25) * rect.width),
    y: Math.round(rect.y + rng.range(-0.2, 0.2) * rect.height),
  };
}

/**
 * `heavy` (training): wobble, pen weight and pressure more often and stronger, lighter inks, and some crops
 * off their box.
 */
export async function scanCells(
  rng: Random,
  row: Plane,
  geometry: RowGeometry,
  glyphs: readonly (PlacedGlyph | null)[] | null,
  heavy = false,
): Promise<CellImage[]> {
  const { pxPerMm } = geometry;
  const tone = drawTone(rng, heavy);
  const ownLetters = glyphs !== null && rng.chance(0.5);
  const cells = geometry.crops.map((cut, i) => {
    const rect = heavy && rng.chance(0.12) ? shifted(rng, cut) : cut;
    const box = geometry.boxes[i] as Rect;
    let plane = ownLetters
      ? ownLetterCell(
          rng,
          {
            x: box.x * pxPerMm,
            y: box.y * pxPerMm,
            width: box.width * pxPerMm,
            height: box.height * pxPerMm,
          },
          glyphs[i] ?? null,
          pxPerMm,
        )
      : crop(row, rect.x, rect.y, rect.width, rect.height);
    if (rng.chance(heavy ? 0.75 : 0.5))
      plane = elasticWarp(plane, rng, rng.range(0.05, heavy ? 0.4 : 0.25) * pxPerMm, rng.int(2, 4));
    if (rng.chance(heavy ? 0.25 : 0.15) && geometry.dpi > 180) plane = morph(plane, 'thin');
    else if (rng.chance(heavy ? 0.25 : 0.15)) plane = morph(plane, 'thicken');
    if (heavy && rng.chance(0.35)) plane = pressure(plane, rng, rng.range(0.35, 0.8));
    if (!ownLetters) plane = boxFinderEdges(plane, rng, pxPerMm);
    if (rng.chance(0.5)) plane = blur(plane, rng.range(0.3, 1));
    return toGrey(plane, tone, rng);
  });
  return rng.chance(0.3) ? jpegRow(cells, rng.int(35, 90)) : cells;
}
