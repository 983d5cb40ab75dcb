// Decoded samples as the page displays them: turned by a quarter turn, fitted to the page's size in pixels
// and widened to RGBA, in one pass over the page's pixels. libvips turns an image by copying it into memory
// first, which costs more than this pass (~35 against ~20 ms on a 150 dpi A3 side).
import type { Rotation } from './page-geometry';
import type { RenderedPage } from './render-page';

/** Samples as decoded: rows top to bottom, `channels` bytes a pixel (grey, red green blue, or opaque RGBA). */
export interface Samples {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

// Pixels are written as 32-bit words, red in the low byte: the byte order of every machine Node runs on.
const OPAQUE = 0xff << 24;
/** One opaque grey pixel a grey level. */
export const GREY_PIXEL = Uint32Array.from({ length: 256 }, (_, level) => OPAQUE | (level * 0x010101));

/**
 * The samples turned clockwise by `turn`, as a `width` × `height` RGBA page. The turned samples may be a
 * pixel or two larger or smaller than the page (a scan's size rounded differently, a shrink by a whole
 * factor): the extra last rows and columns are left out, missing ones repeat the last.
 */
export function displayedRgba(samples: Samples, turn: Rotation, width: number, height: number): RenderedPage {
  const { data, channels } = samples;
  const [w, h] = [samples.width, samples.height];
  const [shownWidth, shownHeight] = turn === 90 || turn === 270 ? [h, w] : [w, h];
  const out = new Uint32Array(width * height);
  // Where stored sample (x, y) is shown: X = ax x + bx y + cx, Y = ay x + by y + cy.
  const [ax, bx, cx, ay, by, cy] =
    turn === 90
      ? [0, -1, h - 1, 1, 0, 0]
      : turn === 180
        ? [-1, 0, w - 1, 0, -1, h - 1]
        : turn === 270
          ? [0, 1, 0, -1, 0, w - 1]
          : [1, 0, 0, 0, 1, 0];
  const words = channels === 4 ? new Uint32Array(data.buffer, data.byteOffset, w * h) : undefined;
  // Stored rows are read in order and the turned pixels written across: reading across rows costs more.
  for (let y = 0; y < h; y++) {
    const [x0, y0] = [bx * y + cx, by * y + cy];
    const [from, to] = intersect(inRange(ax, x0, width), inRange(ay, y0, height), w);
    const along = ay * width + ax;
    let at = y0 * width + x0 + from * along;
    if (words && along === 1) {
      out.set(words.subarray(y * w + from, y * w + to), at);
    } else if (words) {
      for (let x = from; x < to; x++, at += along) out[at] = words[y * w + x]!;
    } else if (channels === 1) {
      for (let x = from; x < to; x++, at += along) out[at] = GREY_PIXEL[data[y * w + x]!]!;
    } else {
      for (let x = from, k = (y * w + from) * 3; x < to; x++, k += 3, at += along)
        out[at] = OPAQUE | data[k]! | (data[k + 1]! << 8) | (data[k + 2]! << 16);
    }
  }
  // A page a pixel or two larger than the turned samples repeats their last column and row.
  const rows = Math.min(height, shownHeight);
  if (shownWidth < width)
    for (let y = 0; y < rows; y++)
      out.fill(out[y * width + shownWidth - 1]!, y * width + shownWidth, (y + 1) * width);
  for (let y = rows; y < height; y++) out.copyWithin(y * width, (rows - 1) * width, rows * width);
  return { width, height, data: new Uint8ClampedArray(out.buffer) };
}

/** The x for which a x + c is in [0, size): all of them, none, or a range (a is 1 or -1). */
function inRange(a: number, c: number, size: number): [number, number] {
  if (a === 0) return c >= 0 && c < size ? [-Infinity, Infinity] : [0, 0];
  return a > 0 ? [-c, size - c] : [c - size + 1, c + 1];
}

function intersect([a0, a1]: [number, number], [b0, b1]: [number, number], count: number): [number, number] {
  const from = Math.max(0, a0, b0);
  return [from, Math.max(from, Math.min(count, a1, b1))];
}
