// A page of a side (one half, turned upright when the sheet was fed upside down) without making it: the
// readers need only parts of a page (its header band, its page-box band) and a small copy of it (the blank
// test), so each is cut from the side and turned alone. The pixels are exactly those of cropping the half,
// turning it, then cropping or shrinking that (and, for a grey region, converting that to grey).
import type { RenderedPage } from '../pdf/render-page';
import { cropPixels, pixelRect, type Fraction, type PixelRect } from './crop';
import { luminance, rgbaWords, type GreyImage } from './locate/grey-image';
import { rotate180 } from './locate/rotate';
import { shrinkImage } from './shrink-image';

export interface PageView {
  /** `part` of the upright page. */
  region(part: Fraction): RenderedPage;
  /**
   * toGrey(region(part)), made in one pass from the side: the box searches read grey, and a band cut,
   * turned and converted in three copies costs three passes and two colour images for the collector.
   */
  greyRegion(part: Fraction): GreyImage;
  /** The upright page `factor` times smaller each way, as shrinkImage makes it. */
  shrunk(factor: number): RenderedPage;
}

export function pageView(side: RenderedPage, half: Fraction, upsideDown: boolean): PageView {
  const page = pixelRect(side.width, side.height, half);
  const width = page.x1 - page.x0;
  const height = page.y1 - page.y0;
  /** Where `rect` of the upright page lies on the side (turned back when the page was turned). */
  const onSide = (rect: PixelRect): PixelRect => {
    const r = upsideDown
      ? { x0: width - rect.x1, y0: height - rect.y1, x1: width - rect.x0, y1: height - rect.y0 }
      : rect;
    return { x0: page.x0 + r.x0, y0: page.y0 + r.y0, x1: page.x0 + r.x1, y1: page.y0 + r.y1 };
  };
  const upright = (image: RenderedPage) => (upsideDown ? rotate180(image) : image);
  return {
    region: (part) => upright(cropPixels(side, onSide(pixelRect(width, height, part)))),
    greyRegion: (part) => greyCut(side, onSide(pixelRect(width, height, part)), upsideDown),
    // shrinkImage drops the last columns and rows that make no whole block: shrinking only the blocks it
    // keeps, straight from the side, then turning the small image, gives the same pixels.
    shrunk: (factor) =>
      upright(
        shrinkImage(
          side,
          factor,
          onSide({ x0: 0, y0: 0, x1: width - (width % factor), y1: height - (height % factor) }),
        ),
      ),
  };
}

/** The grey of `rect` of the side, turned half round when `turned`. */
function greyCut(side: RenderedPage, rect: PixelRect, turned: boolean): GreyImage {
  const width = rect.x1 - rect.x0;
  const height = rect.y1 - rect.y0;
  const data = new Uint8Array(width * height);
  const pixels = rgbaWords(side);
  for (let y = 0; y < height; y++) {
    const from = (rect.y0 + y) * side.width + rect.x0;
    if (turned) {
      // Row y of the rectangle is row height - 1 - y of the turned image, read right to left.
      const to = (height - y) * width - 1;
      for (let x = 0; x < width; x++) data[to - x] = luminance(pixels[from + x] as number);
    } else {
      const to = y * width;
      for (let x = 0; x < width; x++) data[to + x] = luminance(pixels[from + x] as number);
    }
  }
  return { width, height, data };
}
