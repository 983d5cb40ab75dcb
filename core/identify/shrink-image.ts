import type { RenderedPage } from '../pdf/render-page';

/**
 * The image `factor` times smaller each way, every pixel the mean of the block it covers: what a rendering
 * at a lower resolution shows, without rendering the side again (pdfjs decodes the whole scan each time).
 * Sums a block's rows into one row of sums as it goes down the image: one pass over the source, in order.
 */
export function shrinkImage(image: RenderedPage, factor: number): RenderedPage {
  if (!Number.isInteger(factor) || factor < 1)
    throw new RangeError(`factor must be a whole number ≥ 1, got ${factor}`);
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  const sums = new Uint32Array(width * 4);
  const source = image.data;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let from = (y * factor + dy) * image.width * 4;
      for (let x = 0; x < width; x++) {
        let [r, g, b, a] = [0, 0, 0, 0];
        for (let dx = 0; dx < factor; dx++) {
          r += source[from]!;
          g += source[from + 1]!;
          b += source[from + 2]!;
          a += source[from + 3]!;
          from += 4;
        }
        const to = x * 4;
        sums[to] = sums[to]! + r;
        sums[to + 1] = sums[to + 1]! + g;
        sums[to + 2] = sums[to + 2]! + b;
        sums[to + 3] = sums[to + 3]! + a;
      }
    }
    const row = y * width * 4;
    for (let i = 0; i < width * 4; i++) data[row + i] = sums[i]! / area;
  }
  return { width, height, data };
}
