// A page that is nothing but one scan image covering it (a desktop scanner's JPEG, a black-and-white scan's
// 1-bit image) is read straight from that image: sharp decodes a JPEG at a half or a quarter of its size
// while decoding (shrink-on-load), several times faster than pdfjs drawing the whole image. Any other page —
// a compact copier page whose ink lives in 1-bit masks over its background, text, vector marks, a mirrored
// or skewed image, an image not exactly the page — returns undefined here and is rendered with pdfjs.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFPageLeaf, PDFStream } from 'pdf-lib';
import sharp from 'sharp';
import type { PageGeometry, Rotation } from './page-geometry';
import { readContent } from './quality/content-operations';
import {
  IDENTITY,
  asMatrix,
  findXObject,
  multiply,
  pageContent,
  type Matrix,
} from './quality/image-placements';
import type { RenderedPage } from './render-page';

export interface PageImage {
  /** The image's bytes as stored: a JPEG file (`jpeg`), that file deflated again, or deflated 1-bit rows. */
  data: Uint8Array;
  format: 'jpeg' | 'deflated-jpeg' | 'bilevel';
  /** Pixels across and down, as stored. */
  width: number;
  height: number;
  /** A 1-bit image whose /Decode is [1 0]: a set bit is black. */
  inverted: boolean;
  /** Clockwise turn from the stored image to the page as displayed. */
  turn: Rotation;
  /** The page as displayed, in points. */
  pageWidth: number;
  pageHeight: number;
}

/** Operators that only place the image; anything else draws something of its own. */
const PLACING = new Set(['q', 'Q', 'cm', 'Do']);
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

/** The one image the page draws and the transform it is drawn with, if the page draws nothing else. */
function soleImage(page: PDFPageLeaf): { image: PDFRawStream; ctm: Matrix } | undefined {
  const { bytes, resources } = pageContent(page);
  let ctm = IDENTITY;
  const saved: Matrix[] = [];
  const drawn: { name: string; ctm: Matrix }[] = [];
  let other = false;
  readContent(bytes, {
    operation(operator, operands) {
      if (!PLACING.has(operator)) other = true;
      else if (operator === 'q') saved.push(ctm);
      else if (operator === 'Q') ctm = saved.pop() ?? ctm;
      else if (operator === 'cm') {
        const matrix = asMatrix(operands);
        if (matrix) ctm = multiply(matrix, ctm);
        else other = true;
      } else if (typeof operands[0] === 'string') drawn.push({ name: operands[0], ctm });
    },
    inlineImage() {
      other = true;
    },
  });
  if (other || drawn.length !== 1) return undefined;
  const image = findXObject(page.context, resources, drawn[0]!.name);
  return image instanceof PDFRawStream ? { image, ctm: drawn[0]!.ctm } : undefined;
}

type Format = PageImage['format'];

/** How the image is stored, if it is one this module decodes. */
function formatOf(context: PDFContext, image: PDFStream): { format: Format; inverted: boolean } | undefined {
  const { dict } = image;
  const get = (key: string) => dict.get(PDFName.of(key));
  if (name(context, get('Subtype')) !== '/Image') return undefined;
  // Transparency, masks and parameters of the filters would change what is drawn.
  for (const key of ['SMask', 'Mask', 'ImageMask', 'DecodeParms', 'DP', 'Intent']) {
    if (get(key) !== undefined) return undefined;
  }
  const filter = lookup(context, get('Filter'));
  const filters =
    filter instanceof PDFArray ? filter.asArray().map((f) => name(context, f)) : [name(context, filter)];
  const space = name(context, get('ColorSpace'));
  const bits = numberOf(context, get('BitsPerComponent'));
  const decode = lookup(context, get('Decode'));
  const decodeValues =
    decode instanceof PDFArray ? decode.asArray().map((value) => numberOf(context, value)) : undefined;
  const jpegFilters = filters.join(' ');
  if ((space === '/DeviceRGB' || space === '/DeviceGray') && bits === 8 && !decodeValues) {
    if (jpegFilters === '/DCTDecode') return { format: 'jpeg', inverted: false };
    if (jpegFilters === '/FlateDecode /DCTDecode') return { format: 'deflated-jpeg', inverted: false };
  }
  if (space === '/DeviceGray' && bits === 1 && jpegFilters === '/FlateDecode') {
    if (!decodeValues) return { format: 'bilevel', inverted: false };
    if (decodeValues.join(' ') === '1 0') return { format: 'bilevel', inverted: true };
  }
  return undefined;
}

/** Where a direction of the page's user space points once the page is displayed (y down, /Rotate applied). */
function displayed(dx: number, dy: number, rotate: Rotation): [number, number] {
  const [x, y] = [dx, -dy];
  if (rotate === 90) return [-y, x];
  if (rotate === 180) return [-x, -y];
  if (rotate === 270) return [y, -x];
  return [x, y];
}

/** The clockwise turn taking the image's rows and columns to the displayed page's, or undefined (mirrored, skewed). */
function turnOf(ctm: Matrix, rotate: Rotation): Rotation | undefined {
  const [a, b, c, d] = ctm;
  // Along a row (left to right) the image follows its first column vector; down the rows, minus its second.
  const along = displayed(a, b, rotate).map(Math.sign).join(',');
  const down = displayed(-c, -d, rotate).map(Math.sign).join(',');
  const turns: Record<string, Rotation> = { '1,0|0,1': 0, '0,1|-1,0': 90, '-1,0|0,-1': 180, '0,-1|1,0': 270 };
  return turns[`${along}|${down}`];
}

function coversCropBox(ctm: Matrix, geometry: PageGeometry): boolean {
  const [a, b, c, d, e, f] = ctm;
  const xs = [e, e + a, e + c, e + a + c];
  const ys = [f, f + b, f + d, f + b + d];
  const { x0, y0, x1, y1 } = geometry.cropBox;
  const near = (value: number, target: number, size: number) =>
    Math.abs(value - target) <= COVER_TOLERANCE * size;
  return (
    near(Math.min(...xs), x0, x1 - x0) &&
    near(Math.max(...xs), x1, x1 - x0) &&
    near(Math.min(...ys), y0, y1 - y0) &&
    near(Math.max(...ys), y1, y1 - y0)
  );
}

/** The page's sole image, when the page is exactly that image; undefined means: render the page. */
export function wholePageImage(page: PDFPageLeaf, geometry: PageGeometry): PageImage | undefined {
  const sole = soleImage(page);
  if (!sole) return undefined;
  const { context } = page;
  const stored = formatOf(context, sole.image);
  const width = numberOf(context, sole.image.dict.get(PDFName.of('Width')));
  const height = numberOf(context, sole.image.dict.get(PDFName.of('Height')));
  const turn = turnOf(sole.ctm, geometry.rotate);
  if (!stored || !width || !height || turn === undefined || !coversCropBox(sole.ctm, geometry))
    return undefined;
  return {
    // A copy: the stream's bytes are a view into the whole file, which a message to a worker would copy whole.
    data: sole.image.contents.slice(),
    ...stored,
    width,
    height,
    turn,
    pageWidth: geometry.width,
    pageHeight: geometry.height,
  };
}

/** 1-bit rows (each padded to a byte) as 8-bit grey, 0 black and 255 white. */
function unpackBits(packed: Uint8Array, width: number, height: number, inverted: boolean): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  if (packed.length < rowBytes * height)
    throw new Error(`the image holds ${packed.length} bytes, not ${rowBytes * height}`);
  const grey = new Uint8Array(width * height);
  const [zero, one] = inverted ? [255, 0] : [0, 255];
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    const out = y * width;
    for (let x = 0; x < width; x++)
      grey[out + x] = (packed[row + (x >> 3)]! >> (7 - (x & 7))) & 1 ? one : zero;
  }
  return grey;
}

/** The page as displayed at `dpi`, RGBA, the size pdfjs would render it. */
export async function decodePageImage(image: PageImage, dpi: number): Promise<RenderedPage> {
  const width = Math.max(1, Math.round((image.pageWidth * dpi) / 72));
  const height = Math.max(1, Math.round((image.pageHeight * dpi) / 72));
  const input =
    image.format === 'bilevel'
      ? sharp(unpackBits(inflateSync(image.data), image.width, image.height, image.inverted), {
          raw: { width: image.width, height: image.height, channels: 1 },
        })
      : sharp(image.format === 'jpeg' ? image.data : inflateSync(image.data), { failOn: 'none' });
  const { data, info } = await input
    .rotate(image.turn)
    .resize(width, height, { fit: 'fill' })
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`the image decoded to ${info.channels} channels, not 4`);
  return { width, height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}
