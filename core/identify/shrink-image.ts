import type { RenderedPage } from '../pdf/render-page';

/**
 * The image `factor` times smaller each way, every pixel the mean of the block it covers: what a rendering
 * at a lower resolution shows, without rendering the side again (pdfjs decodes the whole scan each time).
 */
export function shrinkImage(image: RenderedPage, factor: number): RenderedPage {
  if (!Number.isInteger(factor) || factor < 1)
    throw new RangeError(`factor must be a whole number ≥ 1, got ${factor}`);
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = (y * factor + dy) * image.width;
          for (let dx = 0; dx < factor; dx++) sum += image.data[(row + x * factor + dx) * 4 + c] as number;
        }
        data[(y * width + x) * 4 + c] = sum / area;
      }
    }
  }
  return { width, height, data };
}
