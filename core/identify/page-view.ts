// A page of a side (one half, turned upright when the sheet was fed upside down) without making it: the
// readers need only parts of a page (its header band, its page-box band) and a small copy of it (the blank
// test), so each is cut from the side and turned alone. The pixels are exactly those of cropping the half,
// turning it, then cropping or shrinking that (and, for a grey region, converting that to grey).
import { isGrey, type RenderedPage } from '../pdf/render-page';
import { cropGrey, pixelRect, type Fraction, type PixelRect } from './crop';
import { toGrey, type GreyImage, type Pixels } from './locate/grey-image';
import { rotate180, rotateGrey180 } from './locate/rotate';
import { shrinkGrey, shrinkImage } from './shrink-image';

/**
 * A rendered side and its grey (toGrey's), made once: the fingerprint and every box search read grey, and
 * converting each part they read again would go over most of the side's colour pixels twice. A grey scan
 * comes grey: it has no colour.
 */
export interface SideImage {
  colour: RenderedPage | null;
  grey: GreyImage;
}

/**
 * The grey of the last side read, kept for the next: a side's grey is 4 MB at 150 dpi, and a new one per
 * side is memory for the collector to come back for. Taken while a side is read (a side read meanwhile
 * makes its own), given back after; nothing read from a side keeps a view of its grey.
 */
let spare: Uint8Array | undefined;

/** `read` given the side and its grey, in a buffer reused from side to side (unless the side came grey). */
export async function withSideImage<T>(pixels: Pixels, read: (side: SideImage) => Promise<T>): Promise<T> {
  if (isGrey(pixels)) return read({ colour: null, grey: pixels });
  const colour = pixels;
  const buffer = spare;
  spare = undefined;
  const side = { colour, grey: toGrey(colour, buffer) };
  try {
    return await read(side);
  } finally {
    spare = side.grey.data;
  }
}

export interface PageView {
  /** The grey of `part` of the upright page, cut from the side's grey. */
  greyRegion(part: Fraction): GreyImage;
  /** The upright page `factor` times smaller each way, as shrinkImage makes it (shrinkGrey, for a grey side). */
  shrunk(factor: number): Pixels;
}

export function pageView(side: SideImage, half: Fraction, upsideDown: boolean): PageView {
  const { colour, grey } = side;
  const page = pixelRect(grey.width, grey.height, half);
  const width = page.x1 - page.x0;
  const height = page.y1 - page.y0;
  /** Where `rect` of the upright page lies on the side (turned back when the page was turned). */
  const onSide = (rect: PixelRect): PixelRect => {
    const r = upsideDown
      ? { x0: width - rect.x1, y0: height - rect.y1, x1: width - rect.x0, y1: height - rect.y0 }
      : rect;
    return { x0: page.x0 + r.x0, y0: page.y0 + r.y0, x1: page.x0 + r.x1, y1: page.y0 + r.y1 };
  };
  return {
    greyRegion: (part) => {
      const rect = onSide(pixelRect(width, height, part));
      return upsideDown ? turnedCut(side.grey, rect) : cropGrey(side.grey, rect);
    },
    // shrinkImage drops the last columns and rows that make no whole block: shrinking only the blocks it
    // keeps, straight from the side, then turning the small image, gives the same pixels.
    shrunk: (factor) => {
      const blocks = onSide({ x0: 0, y0: 0, x1: width - (width % factor), y1: height - (height % factor) });
      if (!colour) {
        const small = shrinkGrey(grey, factor, blocks);
        return upsideDown ? rotateGrey180(small) : small;
      }
      const small = shrinkImage(colour, factor, blocks);
      return upsideDown ? rotate180(small) : small;
    },
  };
}

/** `rect` of a grey image turned half round: rotateGrey180(cropGrey(grey, rect)) in one copy. */
function turnedCut(grey: GreyImage, rect: PixelRect): GreyImage {
  const width = rect.x1 - rect.x0;
  const height = rect.y1 - rect.y0;
  const data = new Uint8Array(width * height);
  const source = grey.data;
  for (let y = 0; y < height; y++) {
    const from = (rect.y0 + y) * grey.width + rect.x0;
    // Row y of the rectangle is row height - 1 - y of the turned image, read right to left.
    const to = (height - y) * width - 1;
    for (let x = 0; x < width; x++) data[to - x] = source[from + x] as number;
  }
  return { width, height, data };
}
