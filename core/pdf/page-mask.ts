// An ink mask of a compact copier page: a 1-bit /ImageMask painted in the fill colour over the background,
// kept as stored (deflated rows, or CCITT Group 4 data) with where it lands on the displayed page. Only
// masks libtiff decodes straight from their bytes are taken (stored-bits.ts), with /Decode [0 1] or [1 0]
// and a quarter-turn placement; any other mask (Group 3, JBIG2, a soft mask, a skewed or mirrored
// placement) leaves the page to pdfjs.
import { PDFArray, PDFBool, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFRawStream } from 'pdf-lib';
import type { BilevelBits } from './bilevel-tiff';
import { displayedRect, turnOf, type DisplayedRect } from './displayed-placement';
import type { PageGeometry, Rotation } from './page-geometry';
import type { Colour } from './placed-images';
import type { Matrix } from './quality/image-placements';
import { storedBits } from './stored-bits';

export interface PageMask {
  /** The mask's samples as stored; a sample that decodes white paints. */
  bits: BilevelBits;
  colour: Colour;
  /** Clockwise turn from the stored mask to the displayed page. */
  turn: Rotation;
  /** Where it is painted on the displayed page, in points. */
  rect: DisplayedRect;
}

/** Keys that change nothing of what a mask paints; any other key (/SMask, /Mask…) does. */
const KNOWN = new Set(['Type', 'Subtype', 'Width', 'Height', 'ImageMask', 'BitsPerComponent', 'Filter']);
['DecodeParms', 'DP', 'Decode', 'Length', 'Interpolate', 'Name'].forEach((key) => KNOWN.add(key));

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

/** The sample value (0 or 1) that paints, if the stream is a 1-bit image mask. */
function paintingSample(context: PDFContext, image: PDFRawStream): 0 | 1 | undefined {
  const { dict } = image;
  if (dict.keys().some((key) => !KNOWN.has(key.asString().slice(1)))) return undefined;
  const get = (key: string) => lookup(context, dict.get(PDFName.of(key)));
  if (get('Subtype') !== PDFName.of('Image') || get('ImageMask') !== PDFBool.True) return undefined;
  const bits = get('BitsPerComponent');
  if (bits !== undefined && !(bits instanceof PDFNumber && bits.asNumber() === 1)) return undefined;
  const decode = dict.has(PDFName.of('Decode'))
    ? numbers(context, dict.get(PDFName.of('Decode')))?.join(' ')
    : '0 1';
  // By default a 0 sample paints; /Decode [1 0] makes a 1 paint.
  return decode === '0 1' ? 0 : decode === '1 0' ? 1 : undefined;
}

export function readMask(
  context: PDFContext,
  image: PDFRawStream,
  ctm: Matrix,
  colour: Colour,
  geometry: PageGeometry,
): PageMask | undefined {
  const painting = paintingSample(context, image);
  const size = (key: string) => {
    const value = lookup(context, image.dict.get(PDFName.of(key)));
    return value instanceof PDFNumber && Number.isInteger(value.asNumber()) ? value.asNumber() : 0;
  };
  const [width, height] = [size('Width'), size('Height')];
  const turn = turnOf(ctm, geometry.rotate);
  if (painting === undefined || width <= 0 || height <= 0 || turn === undefined) return undefined;
  const stored = storedBits(context, image, width, height);
  if (!stored) return undefined;
  return {
    bits: {
      // A copy: the stream's bytes are a view into the whole file, which a message to a worker would copy whole.
      data: image.contents.slice(),
      width,
      height,
      compression: stored.compression,
      photometric: stored.setSample === painting ? 'black-is-zero' : 'white-is-zero',
    },
    colour,
    turn,
    rect: displayedRect(ctm, geometry),
  };
}
