import type { RenderedPage } from '../pdf/render-page';
import type { PixelRect } from './crop';
import { rgbaWords, type GreyImage } from './locate/grey-image';

/** Two channels share a 32-bit sum in 16-bit lanes: a block's 255s must fit in one. */
const MAX_FACTOR = 16;

/** The whole blocks of `rect`: the size of the image shrunk `factor` times. */
function shrunkSize(factor: number, rect: PixelRect): { width: number; height: number } {
  if (!Number.isInteger(factor) || factor < 1 || factor > MAX_FACTOR)
    throw new RangeError(`factor must be a whole number from 1 to ${MAX_FACTOR}, got ${factor}`);
  return {
    width: Math.floor((rect.x1 - rect.x0) / factor),
    height: Math.floor((rect.y1 - rect.y0) / factor),
  };
}

/**
 * The image (or its pixels under `rect`) `factor` times smaller each way, every pixel the mean of the block
 * it covers: what a rendering at a lower resolution shows, without rendering the side again (pdfjs decodes
 * the whole scan each time). The last columns and rows that make no whole block are dropped. Sums a
 * block's rows into one row of sums as it goes down the image: one pass over the source, in order, and no
 * copy of the part shrunk. A pixel is read as one 32-bit word and summed as two pairs of channels (red and
 * blue, green and alpha), each in a 16-bit lane.
 */
export function shrinkImage(
  image: RenderedPage,
  factor: number,
  rect: PixelRect = { x0: 0, y0: 0, x1: image.width, y1: image.height },
): RenderedPage {
  const { width, height } = shrunkSize(factor, rect);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  const source = rgbaWords(image);
  if (factor === 3) {
    shrinkByThree(source, image.width, rect, data, width, height);
    return { width, height, data };
  }
  const redBlue = new Uint32Array(width);
  const greenAlpha = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    redBlue.fill(0);
    greenAlpha.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let from = (rect.y0 + y * factor + dy) * image.width + rect.x0;
      for (let x = 0; x < width; x++) {
        let rb = 0;
        let ga = 0;
        for (let dx = 0; dx < factor; dx++, from++) {
          const p = source[from]!;
          rb += p & 0x00ff00ff;
          ga += (p >>> 8) & 0x00ff00ff;
        }
        redBlue[x] = redBlue[x]! + rb;
        greenAlpha[x] = greenAlpha[x]! + ga;
      }
    }
    for (let x = 0, to = y * width * 4; x < width; x++, to += 4) {
      const rb = redBlue[x]!;
      const ga = greenAlpha[x]!;
      data[to] = (rb & 0xffff) / area;
      data[to + 1] = (ga & 0xffff) / area;
      data[to + 2] = (rb >>> 16) / area;
      data[to + 3] = (ga >>> 16) / area;
    }
  }
  return { width, height, data };
}

/**
 * shrinkImage at the factor the readers use (150 dpi to 50), written out: a block's nine pixels summed at
 * once from its three rows, with no row of running sums to load and store.
 */
function shrinkByThree(
  source: Uint32Array,
  across: number,
  rect: PixelRect,
  data: Uint8ClampedArray,
  width: number,
  height: number,
): void {
  for (let y = 0; y < height; y++) {
    let a = (rect.y0 + y * 3) * across + rect.x0;
    let b = a + across;
    let c = b + across;
    for (let x = 0, to = y * width * 4; x < width; x++, to += 4, a += 3, b += 3, c += 3) {
      const a0 = source[a]!;
      const a1 = source[a + 1]!;
      const a2 = source[a + 2]!;
      const b0 = source[b]!;
      const b1 = source[b + 1]!;
      const b2 = source[b + 2]!;
      const c0 = source[c]!;
      const c1 = source[c + 1]!;
      const c2 = source[c + 2]!;
      const rb =
        (a0 & 0x00ff00ff) +
        (a1 & 0x00ff00ff) +
        (a2 & 0x00ff00ff) +
        (b0 & 0x00ff00ff) +
        (b1 & 0x00ff00ff) +
        (b2 & 0x00ff00ff) +
        (c0 & 0x00ff00ff) +
        (c1 & 0x00ff00ff) +
        (c2 & 0x00ff00ff);
      const ga =
        ((a0 >>> 8) & 0x00ff00ff) +
        ((a1 >>> 8) & 0x00ff00ff) +
        ((a2 >>> 8) & 0x00ff00ff) +
        ((b0 >>> 8) & 0x00ff00ff) +
        ((b1 >>> 8) & 0x00ff00ff) +
        ((b2 >>> 8) & 0x00ff00ff) +
        ((c0 >>> 8) & 0x00ff00ff) +
        ((c1 >>> 8) & 0x00ff00ff) +
        ((c2 >>> 8) & 0x00ff00ff);
      data[to] = (rb & 0xffff) / 9;
      data[to + 1] = (ga & 0xffff) / 9;
      data[to + 2] = (rb >>> 16) / 9;
      data[to + 3] = (ga >>> 16) / 9;
    }
  }
}

/**
 * shrinkImage of a grey image: each pixel the mean of its block, rounded as shrinkImage's clamped bytes
 * round. A grey scan's RGBA repeats its grey in every channel, so this gives exactly the grey of
 * shrinkImage's result (Rec. 601 weights sum to one), without the RGBA.
 */
export function shrinkGrey(
  image: GreyImage,
  factor: number,
  rect: PixelRect = { x0: 0, y0: 0, x1: image.width, y1: image.height },
): GreyImage {
  const { width, height } = shrunkSize(factor, rect);
  const out = new Uint8ClampedArray(width * height);
  const area = factor * factor;
  const sums = new Uint32Array(width);
  const source = image.data;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let from = (rect.y0 + y * factor + dy) * image.width + rect.x0;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let dx = 0; dx < factor; dx++, from++) sum += source[from] as number;
        sums[x] = (sums[x] as number) + sum;
      }
    }
    for (let x = 0, to = y * width; x < width; x++, to++) out[to] = (sums[x] as number) / area;
  }
  return { width, height, data: new Uint8Array(out.buffer) };
}
