// A comb row written by the scan generator's own writer (test/generator/handwriting.ts) and rendered by
// librsvg: exactly the handwriting the identification benchmark's batches carry, drawn by code that
// training never used, so evaluating on it checks the glyph bank's renderer did not teach its own quirks.
import sharp from 'sharp';
import { boxedText, type Writer } from '../../../test/generator/handwriting';
import type { Random } from '../../../test/generator/random';
import type { Plane } from './plane';
import type { RowGeometry } from './row-geometry';

function drawWriter(rng: Random, font: string): Writer {
  return {
    font,
    color: [0, 0, 0],
    size: 5,
    pen: rng.range(0.05, 0.22),
    slant: rng.range(-4, 8),
    messiness: rng.range(0.2, 1),
    linePitch: 8,
  };
}

export async function renderWriterRow(
  rng: Random,
  font: string,
  labels: readonly string[],
  geometry: RowGeometry,
): Promise<Plane> {
  const ink = boxedText(drawWriter(rng, font), rng, labels, geometry.boxes);
  const { width, height, pxPerMm } = geometry;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"` +
    ` viewBox="0 0 ${width / pxPerMm} ${height / pxPerMm}"><rect width="100%" height="100%" fill="white"/>` +
    `${ink?.svg ?? ''}</svg>`;
  const grey = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer();
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = 1 - (grey[i] as number) / 255;
  return { width, height, data };
}
