// Cuts a written row into the cells a box finder hands over and scans them: pen and paper wobble, box-line
// leftovers, blur, the scanner's tones and noise, JPEG. One JPEG pass serves the whole row: its cells are
// laid side by side on 8-pixel boundaries so no JPEG block mixes two cells.
import sharp from 'sharp';
import type { CellImage } from '../../../core/identify/types';
import type { Random } from '../../../test/generator/random';
import { blur, crop, elasticWarp, morph, type Plane } from './plane';
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

export async function scanCells(rng: Random, row: Plane, geometry: RowGeometry): Promise<CellImage[]> {
  const { pxPerMm } = geometry;
  const tone = drawTone(rng);
  const cells = geometry.crops.map((rect) => {
    let plane = crop(row, rect.x, rect.y, rect.width, rect.height);
    if (rng.chance(0.5)) plane = elasticWarp(plane, rng, rng.range(0.05, 0.25) * pxPerMm, rng.int(2, 4));
    if (rng.chance(0.15) && geometry.dpi > 180) plane = morph(plane, 'thin');
    else if (rng.chance(0.15)) plane = morph(plane, 'thicken');
    plane = boxFinderEdges(plane, rng, pxPerMm);
    if (rng.chance(0.5)) plane = blur(plane, rng.range(0.3, 1));
    return toGrey(plane, tone, rng);
  });
  return rng.chance(0.3) ? jpegRow(cells, rng.int(35, 90)) : cells;
}
