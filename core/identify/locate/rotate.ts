// Turning images: undoing the measured tilt, and the exact half turn of a sheet fed upside down. Only the
// dark-pixel mask is deskewed whole (coarsely: it only has to show where the rules are); the grey pixels
// are resampled smoothly, and only in the small patches that become cells.
import type { RenderedPage } from '../../pdf/render-page';
import type { GreyImage, Mask } from './grey-image';

/** A clockwise tilt about a point, and the way from deskewed coordinates back to the tilted image. */
export interface Tilt {
  toSource(x: number, y: number): { x: number; y: number };
}

export function tiltAbout(cx: number, cy: number, degrees: number): Tilt {
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  return {
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
  const darkRows = darkRowsBefore(mask);
  for (let y = 0; y < height; y++) {
    // Each output row is a straight walk through the source; only its part over the source is walked,
    // so the loop needs no bounds checks (and truncating a non-negative coordinate floors it).
    const start = tilt.toSource(0, y);
    const next = tilt.toSource(1, y);
    const dx = next.x - start.x;
    const dy = next.y - start.y;
    const [fromX, toX] = inside(start.x, dx, width - 1, width);
    const [fromY, toY] = inside(start.y, dy, height - 1, width);
    const from = Math.max(fromX, fromY);
    const to = Math.min(toX, toY);
    // A walk over source rows with nothing dark in them (most of a mask: paper) leaves its row blank. The
    // rows it reads, a row of rounding to spare either way.
    const ends = [start.y + from * dy, start.y + to * dy];
    const top = Math.max(0, Math.floor(Math.min(...ends)) - 1);
    const bottom = Math.min(height - 1, Math.floor(Math.max(...ends)) + 2);
    if (from > to || darkRows[bottom + 1] === darkRows[top]) continue;
    let sx = start.x + from * dx;
    let sy = start.y + from * dy;
    for (let x = from; x <= to; x++, sx += dx, sy += dy) {
      const p = (sy | 0) * width + (sx | 0);
      out[y * width + x] =
        (data[p] as number) |
        (data[p + 1] as number) |
        (data[p + width] as number) |
        (data[p + width + 1] as number);
    }
  }
  return { width, height, data: out };
}

/** How many rows above each row (and above the end) hold a dark pixel. */
function darkRowsBefore({ width, height, data }: Mask): Int32Array {
  const before = new Int32Array(height + 1);
  for (let y = 0; y < height; y++) {
    let dark = 0;
    for (let i = y * width; i < (y + 1) * width && dark === 0; i++) dark = data[i] as number;
    before[y + 1] = (before[y] as number) + (dark === 0 ? 0 : 1);
  }
  return before;
}

/**
 * The steps k in 0..count-1 for which start + k·step stays within [0, limit), one step of margin kept at
 * either end against rounding.
 */
function inside(start: number, step: number, limit: number, count: number): [number, number] {
  if (Math.abs(step) < 1e-12) return start >= 0 && start < limit ? [0, count - 1] : [0, -1];
  const a = (0 - start) / step;
  const b = (limit - start) / step;
  return [Math.max(0, Math.ceil(Math.min(a, b)) + 1), Math.min(count - 1, Math.floor(Math.max(a, b)) - 1)];
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
  const out = new Uint8Array(width * height).fill(fill);
  const { data } = grey;
  const w = grey.width;
  for (let y = 0; y < height; y++) {
    const start = tilt.toSource(x0, y0 + y);
    const next = tilt.toSource(x0 + 1, y0 + y);
    const dx = next.x - start.x;
    const dy = next.y - start.y;
    // As in deskewMask: only the part of the row over the source is walked, without bounds checks.
    const [fromX, toX] = inside(start.x, dx, w - 1, width);
    const [fromY, toY] = inside(start.y, dy, grey.height - 1, width);
    const from = Math.max(fromX, fromY);
    const to = Math.min(toX, toY);
    let sx = start.x + from * dx;
    let sy = start.y + from * dy;
    for (let x = from, i = y * width + from; x <= to; x++, i++, sx += dx, sy += dy) {
      const ix = sx | 0;
      const iy = sy | 0;
      const fx = sx - ix;
      const fy = sy - iy;
      const p = iy * w + ix;
      const a = data[p] as number;
      const c = data[p + w] as number;
      const top = a + ((data[p + 1] as number) - a) * fx;
      const bottom = c + ((data[p + w + 1] as number) - c) * fx;
      out[i] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width, height, data: out };
}

/** As rotate180, of a grey image (one byte a pixel). */
export function rotateGrey180(image: GreyImage): GreyImage {
  return { width: image.width, height: image.height, data: image.data.slice().reverse() };
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
