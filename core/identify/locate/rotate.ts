// Turning images: undoing the measured tilt, and the exact half turn of a sheet fed upside down. Only the
// dark-pixel mask is deskewed whole (coarsely: it only has to show where the rules are); the grey pixels
// are resampled smoothly, and only in the small patches that become cells.
import type { RenderedPage } from '../../pdf/render-page';
import type { GreyImage, Mask } from './grey-image';

/** A clockwise tilt about a point, and the way from deskewed coordinates back to the tilted image. */
export interface Tilt {
  degrees: number;
  toSource(x: number, y: number): { x: number; y: number };
}

export function tiltAbout(cx: number, cy: number, degrees: number): Tilt {
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  return {
    degrees,
    toSource: (x, y) => ({
      x: cx + (x - cx) * cos - (y - cy) * sin,
      y: cy + (x - cx) * sin + (y - cy) * cos,
    }),
  };
}

/**
 * The mask as it would be with the tilt undone, same size; what comes from outside it is not dark. An
 * output pixel is dark when any of the four source pixels around its source point is: a one-pixel rule
 * lying a hair off the grid would otherwise step from row to row (column to column) and break up.
 */
export function deskewMask(mask: Mask, tilt: Tilt): Mask {
  const { width, height, data } = mask;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    // Each output row is a straight walk through the source.
    const start = tilt.toSource(0, y);
    const next = tilt.toSource(1, y);
    const dx = next.x - start.x;
    const dy = next.y - start.y;
    for (let x = 0, sx = start.x, sy = start.y; x < width; x++, sx += dx, sy += dy) {
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix >= width - 1 || iy >= height - 1) continue;
      const p = iy * width + ix;
      out[y * width + x] =
        (data[p] as number) |
        (data[p + 1] as number) |
        (data[p + width] as number) |
        (data[p + width + 1] as number);
    }
  }
  return { width, height, data: out };
}

/**
 * The deskewed image's pixels in the rectangle from (x0, y0), `width` × `height`, resampled bilinearly so
 * thin rules and strokes keep their weight; `fill` (the paper) where the source has no pixels.
 */
export function deskewPatch(
  grey: GreyImage,
  tilt: Tilt,
  x0: number,
  y0: number,
  width: number,
  height: number,
  fill: number,
): GreyImage {
  const out = new Uint8Array(width * height);
  const { data } = grey;
  const w = grey.width;
  for (let y = 0; y < height; y++) {
    const start = tilt.toSource(x0, y0 + y);
    const next = tilt.toSource(x0 + 1, y0 + y);
    const dx = next.x - start.x;
    const dy = next.y - start.y;
    for (let x = 0, sx = start.x, sy = start.y; x < width; x++, sx += dx, sy += dy) {
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix >= w - 1 || iy >= grey.height - 1) {
        out[y * width + x] = fill;
        continue;
      }
      const fx = sx - ix;
      const fy = sy - iy;
      const p = iy * w + ix;
      const top = (data[p] as number) + ((data[p + 1] as number) - (data[p] as number)) * fx;
      const bottom = (data[p + w] as number) + ((data[p + w + 1] as number) - (data[p + w] as number)) * fx;
      out[y * width + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width, height, data: out };
}

/** The image turned by half a turn, pixel for pixel: what a sheet fed upside down looks like righted. */
export function rotate180(image: RenderedPage): RenderedPage {
  const { width, height, data } = image;
  const pixels = width * height;
  const out = new Uint8ClampedArray(data.length);
  // Whole pixels move as one 32-bit word; a view needs a 4-byte-aligned start.
  const aligned = data.byteOffset % 4 === 0 ? data : data.slice();
  const source = new Uint32Array(aligned.buffer, aligned.byteOffset, pixels);
  const target = new Uint32Array(out.buffer);
  for (let i = 0; i < pixels; i++) target[pixels - 1 - i] = source[i] as number;
  return { width, height, data: out };
}
