// Test-side image handling: turning a rendering by any angle (a sheet lying askew on the glass) and, when
// LOCATE_LOOK_DIR is set, saving cell crops side by side as a PNG to look at.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RenderedPage } from '../../../core/pdf/render-page';
import type { CellImage } from '../../../core/identify/types';

/** The image turned clockwise by `degrees` about its centre, on white paper. */
export async function rotated(image: RenderedPage, degrees: number): Promise<RenderedPage> {
  const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const { data, info } = await sharp(pixels, {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .rotate(degrees, { background: { r: 255, g: 255, b: 255, alpha: 1 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data) };
}

const GAP = 3;
const GAP_GREY = 150;

/** One row of cells per entry of `rows`, on mid grey, written to $LOCATE_LOOK_DIR/`name`.png. */
export async function lookAt(name: string, rows: readonly (readonly CellImage[])[]): Promise<void> {
  const dir = process.env.LOCATE_LOOK_DIR;
  if (!dir || rows.length === 0) return;
  const cells = rows.flat();
  const cellWidth = Math.max(...cells.map((c) => c.width)) + GAP;
  const cellHeight = Math.max(...cells.map((c) => c.height)) + GAP;
  const width = cellWidth * Math.max(...rows.map((row) => row.length));
  const height = cellHeight * rows.length;
  const sheet = new Uint8Array(width * height).fill(GAP_GREY);
  rows.forEach((row, r) =>
    row.forEach((cell, k) => {
      for (let y = 0; y < cell.height; y++) {
        const at = (r * cellHeight + y) * width + k * cellWidth;
        sheet.set(cell.data.subarray(y * cell.width, (y + 1) * cell.width), at);
      }
    }),
  );
  await mkdir(dir, { recursive: true });
  await sharp(Buffer.from(sheet), { raw: { width, height, channels: 1 } })
    .png()
    .toFile(join(dir, `${name}.png`));
}
