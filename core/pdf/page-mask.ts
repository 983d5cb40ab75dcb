// An ink mask of a compact copier page: a 1-bit /ImageMask painted in the fill colour over the background,
// kept as stored (deflated rows) with where it lands on the displayed page. Only masks sharp decodes
// straight from their bytes are taken: Flate-encoded, no predictor, /Decode [0 1] or [1 0]. Any other mask
// (CCITT, JBIG2, a soft mask, a skewed or mirrored placement) leaves the page to pdfjs.
import { PDFArray, PDFBool, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFRawStream } from 'pdf-lib';
import { displayedRect, turnOf, type DisplayedRect } from './displayed-placement';
import type { PageGeometry, Rotation } from './page-geometry';
import type { Colour } from './placed-images';
import type { Matrix } from './quality/image-placements';

export interface PageMask {
  /** The mask's rows as stored: deflated, 1 bit a sample, each row padded to a byte. */
  data: Uint8Array;
  width: number;
  height: number;
  /** /Decode [1 0]: a set bit paints (by default a clear bit does). */
  inverted: boolean;
  colour: Colour;
  /** Clockwise turn from the stored mask to the displayed page. */
  turn: Rotation;
  /** Where it is painted on the displayed page, in points. */
  rect: DisplayedRect;
}

/** Keys that change nothing of what a Flate mask paints; any other key (/DecodeParms, /SMask…) does. */
const KNOWN = new Set(['Type', 'Subtype', 'Width', 'Height', 'ImageMask', 'BitsPerComponent', 'Filter']);
KNOWN.add('Decode').add('Length').add('Interpolate').add('Name');

const lookup = (context: PDFContext, value: PDFObject | undefined) =>
  value instanceof PDFRef ? context.lookup(value) : value;

const numbers = (context: PDFContext, value: PDFObject | undefined) => {
  const resolved = lookup(context, value);
  return resolved instanceof PDFArray
    ? resolved.asArray().map((item) => {
        const number = lookup(context, item);
        return number instanceof PDFNumber ? number.asNumber() : Number.NaN;
      })
    : undefined;
};

/** Whether a set bit paints, if the mask is one this module decodes. */
function maskInversion(context: PDFContext, image: PDFRawStream): boolean | undefined {
  const { dict } = image;
  if (dict.keys().some((key) => !KNOWN.has(key.asString().slice(1)))) return undefined;
  const get = (key: string) => lookup(context, dict.get(PDFName.of(key)));
  if (get('Subtype') !== PDFName.of('Image') || get('ImageMask') !== PDFBool.True) return undefined;
  const bits = get('BitsPerComponent');
  if (bits !== undefined && !(bits instanceof PDFNumber && bits.asNumber() === 1)) return undefined;
  const filter = get('Filter');
  const filters =
    filter instanceof PDFArray ? filter.asArray().map((item) => lookup(context, item)) : [filter];
  if (filters.length !== 1 || filters[0] !== PDFName.of('FlateDecode')) return undefined;
  const decode = dict.has(PDFName.of('Decode'))
    ? numbers(context, dict.get(PDFName.of('Decode')))?.join(' ')
    : '0 1';
  return decode === '0 1' ? false : decode === '1 0' ? true : undefined;
}

export function readMask(
  context: PDFContext,
  image: PDFRawStream,
  ctm: Matrix,
  colour: Colour,
  geometry: PageGeometry,
): PageMask | undefined {
  const inverted = maskInversion(context, image);
  const size = (key: string) => {
    const value = lookup(context, image.dict.get(PDFName.of(key)));
    return value instanceof PDFNumber && Number.isInteger(value.asNumber()) ? value.asNumber() : 0;
  };
  const [width, height] = [size('Width'), size('Height')];
  const turn = turnOf(ctm, geometry.rotate);
  if (inverted === undefined || width <= 0 || height <= 0 || turn === undefined) return undefined;
  // A copy: the stream's bytes are a view into the whole file, which a message to a worker would copy whole.
  return {
    data: image.contents.slice(),
    width,
    height,
    inverted,
    colour,
    turn,
    rect: displayedRect(ctm, geometry),
  };
}
