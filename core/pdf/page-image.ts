// A page made only of placed images is read straight from them instead of rendered: a page that is one
// scan image covering it (a desktop scanner's JPEG, a black-and-white scan's 1-bit image, deflated or CCITT
// Group 4), and a copier's compact page (a background image covering it with 1-bit ink masks painted over it
// in their fill colour).
// sharp decodes a JPEG at a half, a quarter or an eighth of its size while decoding (jpeg-shrink.ts), several
// times faster than pdfjs drawing it at full size, and the masks at the size they are painted (paint-masks.ts).
// Any other page — text, vector marks, a mirrored or skewed image, an image not exactly the page, a mask
// sharp cannot decode — returns undefined here and is rendered with pdfjs.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFPageLeaf, PDFRawStream } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';
import { bilevelTiff, type BilevelBits } from './bilevel-tiff';
import { displayedRect, turnOf, type DisplayedRect } from './displayed-placement';
import type { PageGeometry, Rotation } from './page-geometry';
import { loadShrink, withShrunkJpeg } from './jpeg-shrink';
import { readMask, type PageMask } from './page-mask';
import { paintMasks } from './paint-masks';
import { placedImages } from './placed-images';
import { storedBits } from './stored-bits';
import { isGrey, type PagePixels, type RenderedPage } from './render-page';

/**
 * The image covering the page, as stored: a JPEG file (`jpeg`), that file deflated again (`grey` for a
 * DeviceGray one), or 1-bit samples.
 */
export type Background =
  | { format: 'jpeg' | 'deflated-jpeg'; data: Uint8Array; width: number; height: number; grey: boolean }
  | { format: 'bilevel'; bits: BilevelBits };

export interface PageImage {
  background: Background;
  /** Clockwise turn from the stored image to the page as displayed. */
  turn: Rotation;
  /** The page as displayed, in points. */
  pageWidth: number;
  pageHeight: number;
  /** Ink painted over the background, in drawing order (none on a scanner's page). */
  masks: PageMask[];
}

/** The image must be the crop box to this share of its size (a scanner's rounding, not a margin). */
const COVER_TOLERANCE = 0.005;

const lookup = (context: PDFContext, value: PDFObject | undefined) =>
  value instanceof PDFRef ? context.lookup(value) : value;

const name = (context: PDFContext, value: PDFObject | undefined) => {
  const resolved = lookup(context, value);
  return resolved instanceof PDFName ? resolved.asString() : undefined;
};

const numberOf = (context: PDFContext, value: PDFObject | undefined) => {
  const resolved = lookup(context, value);
  return resolved instanceof PDFNumber ? resolved.asNumber() : undefined;
};

/** The image as stored, if it is one this module decodes. */
function backgroundOf(
  context: PDFContext,
  image: PDFRawStream,
  width: number,
  height: number,
): Background | undefined {
  const { dict } = image;
  const get = (key: string) => dict.get(PDFName.of(key));
  // A copy: the stream's bytes are a view into the whole file, which a message to a worker would copy whole.
  const data = () => image.contents.slice();
  if (name(context, get('Subtype')) !== '/Image') return undefined;
  // Transparency and masks would change what is drawn.
  for (const key of ['SMask', 'Mask', 'ImageMask', 'Intent']) {
    if (get(key) !== undefined) return undefined;
  }
  const space = name(context, get('ColorSpace'));
  const bits = numberOf(context, get('BitsPerComponent'));
  const decode = lookup(context, get('Decode'));
  const decodeValues =
    decode instanceof PDFArray
      ? decode
          .asArray()
          .map((value) => numberOf(context, value))
          .join(' ')
      : undefined;
  if (space === '/DeviceGray' && bits === 1 && (decodeValues === undefined || decodeValues === '1 0')) {
    const stored = storedBits(context, image, width, height);
    if (!stored) return undefined;
    // DeviceGray: a 0 sample is black, unless /Decode [1 0] makes a 1 black.
    const black = decodeValues === '1 0' ? 1 : 0;
    const photometric = stored.setSample === black ? 'white-is-zero' : 'black-is-zero';
    const { compression } = stored;
    return { format: 'bilevel', bits: { data: data(), width, height, compression, photometric } };
  }
  if (get('DecodeParms') !== undefined || get('DP') !== undefined) return undefined;
  const filter = lookup(context, get('Filter'));
  const filters = (filter instanceof PDFArray ? filter.asArray() : [filter])
    .map((f) => name(context, f))
    .join(' ');
  if ((space === '/DeviceRGB' || space === '/DeviceGray') && bits === 8 && decodeValues === undefined) {
    const grey = space === '/DeviceGray';
    if (filters === '/DCTDecode') return { format: 'jpeg', data: data(), width, height, grey };
    if (filters === '/FlateDecode /DCTDecode')
      return { format: 'deflated-jpeg', data: data(), width, height, grey };
  }
  return undefined;
}

function coversPage(rect: DisplayedRect, geometry: PageGeometry): boolean {
  const near = (value: number, target: number, size: number) =>
    Math.abs(value - target) <= COVER_TOLERANCE * size;
  const { width, height } = geometry;
  return (
    near(rect.x, 0, width) &&
    near(rect.x + rect.width, width, width) &&
    near(rect.y, 0, height) &&
    near(rect.y + rect.height, height, height)
  );
}

/** The page's images, when the page is a background covering it and masks; undefined means: render the page. */
export function wholePageImage(page: PDFPageLeaf, geometry: PageGeometry): PageImage | undefined {
  const placed = placedImages(page);
  if (!placed?.length) return undefined;
  const { context } = page;
  const [background, ...inks] = placed;
  const { image, ctm } = background!;
  const width = numberOf(context, image.dict.get(PDFName.of('Width')));
  const height = numberOf(context, image.dict.get(PDFName.of('Height')));
  const turn = turnOf(ctm, geometry.rotate);
  const stored = width && height ? backgroundOf(context, image, width, height) : undefined;
  if (!stored || turn === undefined || !coversPage(displayedRect(ctm, geometry), geometry)) return undefined;
  const masks: PageMask[] = [];
  for (const ink of inks) {
    const mask = readMask(context, ink.image, ink.ctm, ink.fill, geometry);
    if (!mask) return undefined;
    masks.push(mask);
  }
  return {
    background: stored,
    turn,
    pageWidth: geometry.width,
    pageHeight: geometry.height,
    masks,
  };
}

/** `decode` run on sharp opened on the background: a JPEG shrunk while decoding as far as the page's size allows. */
function withBackground<T>(
  { background, turn }: PageImage,
  width: number,
  height: number,
  decode: (input: Sharp) => Promise<T>,
): Promise<T> {
  if (background.format === 'bilevel') return decode(sharp(bilevelTiff(background.bits)));
  const data = background.format === 'jpeg' ? background.data : inflateSync(background.data);
  const quarter = turn === 90 || turn === 270;
  const shrink = loadShrink(background, quarter ? { width: height, height: width } : { width, height });
  return shrink > 1 ? withShrunkJpeg(data, shrink, decode) : decode(sharp(data, { failOn: 'none' }));
}

/** The page as displayed at `dpi`, in `space`, the size pdfjs would render it: its bytes, and that size. */
async function decodeAs(image: PageImage, dpi: number, space: 'rgba' | 'grey') {
  const width = Math.max(1, Math.round(image.pageWidth * (dpi / 72)));
  const height = Math.max(1, Math.round(image.pageHeight * (dpi / 72)));
  const { data, info } = await withBackground(image, width, height, (input) => {
    const page = input.rotate(image.turn).resize(width, height, { fit: 'fill' });
    return (space === 'grey' ? page.toColourspace('b-w') : page.toColourspace('srgb').ensureAlpha())
      .raw()
      .toBuffer({ resolveWithObject: true });
  });
  const channels = space === 'grey' ? 1 : 4;
  if (info.channels !== channels)
    throw new Error(`the image decoded to ${info.channels} channels, not ${channels}`);
  return { width, height, data };
}

/** The page as displayed at `dpi`, RGBA, the size pdfjs would render it. */
export async function decodePageImage(image: PageImage, dpi: number): Promise<RenderedPage> {
  const { width, height, data } = await decodeAs(image, dpi, 'rgba');
  const page = { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
  await paintMasks(page, image.masks, dpi);
  return page;
}

/** A grey scan (bilevel or DeviceGray) with nothing painted over it. */
const isGreyPage = ({ background, masks }: PageImage) =>
  masks.length === 0 && (background.format === 'bilevel' || background.grey);

/**
 * decodePageImage's pixels, but one byte a pixel when the page is grey: the same greys, without libvips
 * making three bands and an alpha of them (~45 ms of CPU a 150 dpi A3 side of a bilevel scan) for a reader
 * that turns them back into grey.
 */
export async function decodePagePixels(image: PageImage, dpi: number): Promise<PagePixels> {
  if (!isGreyPage(image)) return decodePageImage(image, dpi);
  const { width, height, data } = await decodeAs(image, dpi, 'grey');
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** `pixels` as RGBA: a grey page's every grey in red, green and blue (as libvips makes them), alpha opaque. */
export function rgbaOf(pixels: PagePixels): RenderedPage {
  if (!isGrey(pixels)) return pixels;
  const { width, height, data } = pixels;
  const count = width * height;
  const rgba = new Uint8ClampedArray(count * 4);
  const words = new Uint32Array(rgba.buffer);
  // Red in the low byte, alpha in the high one: little-endian, as every platform Node runs on.
  for (let i = 0; i < count; i++) words[i] = (0xff000000 | ((data[i] as number) * 0x010101)) >>> 0;
  return { width, height, data: rgba };
}

/**
 * The page's pixels: decoded from its images when it is made only of them (grey when they are, see
 * decodePagePixels), else rendered by `render` (pdfjs). Image bytes sharp cannot decode (a damaged mask)
 * are rendered too: pdfjs draws what it can.
 */
export function decodeOrRender(
  image: PageImage | undefined,
  dpi: number,
  render: () => Promise<RenderedPage>,
): Promise<PagePixels> {
  return image ? decodePagePixels(image, dpi).catch(render) : render();
}
