// A page of a side (one half, turned upright when the sheet was fed upside down) without making it: the
// readers need only parts of a page (its header band, its page-box band) and a small copy of it (the blank
// test), so each is cut from the side and turned alone. The pixels are exactly those of cropping the half,
// turning it, then cropping or shrinking that.
import type { RenderedPage } from '../pdf/render-page';
import { cropPixels, pixelRect, type Fraction, type PixelRect } from './crop';
import { rotate180 } from './locate/rotate';
import { shrinkImage } from './shrink-image';

export interface PageView {
  /** `part` of the upright page. */
  region(part: Fraction): RenderedPage;
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
