// Where each image of a page is drawn, and how large: the content stream's `cm` transforms are followed
// (through q/Q and into form XObjects, which nest) to each `Do` of an image and to each inline image. An
// image fills the unit square of the current transform, so its drawn width and height in points are the
// lengths of the transform's two column vectors, whatever the rotation or skew.
import { constants, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  decodePDFRawStream,
} from 'pdf-lib';
import type { PDFContext, PDFObject, PDFPageLeaf } from 'pdf-lib';
import { readContent, type Operand } from './content-operations';
import { readImageXObject, readInlineImage, type ImageInfo } from './image-info';

export interface ImagePlacement {
  image: ImageInfo;
  /** Drawn size, in points, along the image's rows (width) and columns (height). */
  widthPt: number;
  heightPt: number;
}

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** Made once: PDFName.of decodes its argument on every call, and a compact page draws ~90 images. */
const NAMES = {
  Subtype: PDFName.of('Subtype'),
  Image: PDFName.of('Image'),
  Form: PDFName.of('Form'),
  XObject: PDFName.of('XObject'),
};

/** `m` applied first, then `n` (PDF's row-vector convention: m × n). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [a2, b2, c2, d2, e2, f2] = n;
  return [
    a * a2 + b * c2,
    a * b2 + b * d2,
    c * a2 + d * c2,
    c * b2 + d * d2,
    e * a2 + f * c2 + e2,
    e * b2 + f * d2 + f2,
  ];
}

export function asMatrix(values: readonly (Operand | undefined)[]): Matrix | undefined {
  return values.length === 6 && values.every((v) => typeof v === 'number' && Number.isFinite(v))
    ? (values as Matrix)
    : undefined;
}

const lookup = (context: PDFContext, value: PDFObject | undefined) =>
  value instanceof PDFRef ? context.lookup(value) : value;

/**
 * A content stream's bytes. Flate, what scanners write, goes through Node's zlib (pdf-lib's JavaScript
 * inflate costs more than all the rest of the report); streams that do not decode were refused by the loader.
 */
function decoded(stream: PDFObject | undefined): Uint8Array | undefined {
  if (!(stream instanceof PDFRawStream)) return undefined;
  try {
    if (stream.dict.lookup(PDFName.of('Filter')) === PDFName.of('FlateDecode')) {
      // Sync flush tolerates a missing end marker, as the loader's check does.
      return inflateSync(stream.contents, { finishFlush: constants.Z_SYNC_FLUSH });
    }
    return decodePDFRawStream(stream).decode();
  } catch {
    return undefined;
  }
}

/** The page's content as one stream (its parts joined) and its resources. */
export function pageContent(page: PDFPageLeaf): { bytes: Uint8Array; resources: PDFDict | undefined } {
  const { context } = page;
  const contents = lookup(context, page.get(PDFName.of('Contents')));
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((s) => lookup(context, s)) : [contents];
  const parts = streams.map(decoded).filter((bytes): bytes is Uint8Array => bytes !== undefined);
  // The parts of a page's content are one stream cut at token boundaries: join them with a space.
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length + 1, 0)).fill(0x20);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length + 1;
  }
  const resources = lookup(context, page.getInheritableAttribute(PDFName.of('Resources')));
  return { bytes, resources: resources instanceof PDFDict ? resources : undefined };
}

/** Every image the page draws, in drawing order. */
export function pageImagePlacements(page: PDFPageLeaf): ImagePlacement[] {
  const { bytes, resources } = pageContent(page);
  const placements: ImagePlacement[] = [];
  walk(page.context, bytes, resources, IDENTITY, new Set(), placements);
  return placements;
}

function walk(
  context: PDFContext,
  bytes: Uint8Array,
  resources: PDFDict | undefined,
  start: Matrix,
  activeForms: Set<PDFStream>,
  placements: ImagePlacement[],
): void {
  let ctm = start;
  const saved: Matrix[] = [];
  const place = (image: ImageInfo | undefined) => {
    if (!image) return;
    placements.push({ image, widthPt: Math.hypot(ctm[0], ctm[1]), heightPt: Math.hypot(ctm[2], ctm[3]) });
  };
  readContent(bytes, {
    operation(operator, operands) {
      if (operator === 'q') saved.push(ctm);
      // An unbalanced Q is ignored, as viewers do.
      else if (operator === 'Q') ctm = saved.pop() ?? ctm;
      else if (operator === 'cm') {
        const matrix = asMatrix(operands);
        if (matrix) ctm = multiply(matrix, ctm);
      } else if (operator === 'Do' && typeof operands[0] === 'string') {
        const xObject = findXObject(context, resources, operands[0]);
        if (!(xObject instanceof PDFStream)) return;
        const subtype = lookup(context, xObject.dict.get(NAMES.Subtype));
        if (subtype === NAMES.Image) place(readImageXObject(context, xObject, resources));
        else if (subtype === NAMES.Form) drawForm(context, xObject, resources, ctm, activeForms, placements);
      }
    },
    inlineImage(entries) {
      place(readInlineImage(context, entries, resources));
    },
  });
}

export function findXObject(
  context: PDFContext,
  resources: PDFDict | undefined,
  name: string,
): PDFObject | undefined {
  const xObjects = lookup(context, resources?.get(NAMES.XObject));
  return xObjects instanceof PDFDict ? lookup(context, xObjects.get(PDFName.of(name.slice(1)))) : undefined;
}

/** A form is drawn through its own /Matrix, with its own resources (or, in old files, its page's). */
function drawForm(
  context: PDFContext,
  form: PDFStream,
  outerResources: PDFDict | undefined,
  ctm: Matrix,
  activeForms: Set<PDFStream>,
  placements: ImagePlacement[],
): void {
  // A form that draws itself, directly or not, would never end.
  if (activeForms.has(form)) return;
  const bytes = decoded(form);
  if (!bytes) return;
  const matrixArray = lookup(context, form.dict.get(PDFName.of('Matrix')));
  const matrix =
    matrixArray instanceof PDFArray
      ? asMatrix(
          matrixArray.asArray().map((item) => {
            const value = lookup(context, item);
            return value instanceof PDFNumber ? value.asNumber() : Number.NaN;
          }),
        )
      : IDENTITY;
  const own = lookup(context, form.dict.get(PDFName.of('Resources')));
  activeForms.add(form);
  walk(
    context,
    bytes,
    own instanceof PDFDict ? own : outerResources,
    multiply(matrix ?? IDENTITY, ctm),
    activeForms,
    placements,
  );
  activeForms.delete(form);
}
