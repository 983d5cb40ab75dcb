// How a viewer displays a page: /Rotate and the CropBox decide what the operator sees, so every decision
// about A3 sides and halves is made on the displayed page, never on the raw MediaBox.
import { PDFArray, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFPageLeaf } from 'pdf-lib';

export type Rotation = 0 | 90 | 180 | 270;

/** A rectangle in the page's unrotated user space, corners normalised (x0 < x1, y0 < y1). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGeometry {
  /** Effective clockwise /Rotate, own or inherited from the page tree. */
  rotate: Rotation;
  mediaBox: Box;
  /** Effective CropBox: defaults to the MediaBox, clipped to it. */
  cropBox: Box;
  /** Size as displayed, in points (after /Rotate). */
  width: number;
  height: number;
}

/** `a3`: a landscape side holding two A4 pages; `a4`: a page that stands alone, unsplit. */
export type PageLayout = 'a3' | 'a4';

export interface PageClass {
  layout: PageLayout;
  /** Set when the page is not what a scan room produces; the page is still kept, whole. */
  unusual?: string;
}

/** Landscape beyond this width/height ratio is a folded A3 side (A3 landscape is 1.414). */
const A3_MIN_RATIO = 1.2;
/** Longest displayed side below this (in points, ~10.5 cm) is no exam page at all. */
const TINY_LONG_SIDE = 300;
/** Portrait pages taller than this (in points) are larger than A4 (842 pt): likely an unrotated A3 side. */
const A4_MAX_LONG_SIDE = 1000;

/** Like viewers: a multiple of 90 in any range is normalised, anything else is ignored (treated as 0). */
export function normaliseRotation(value: number): Rotation {
  if (!Number.isInteger(value) || value % 90 !== 0) return 0;
  return (((value % 360) + 360) % 360) as Rotation;
}

/** The four numbers of a PDF rectangle, or undefined when it is not one. */
export function readBox(context: PDFContext, value: PDFObject | undefined): Box | undefined {
  const array = value instanceof PDFRef ? context.lookup(value) : value;
  if (!(array instanceof PDFArray) || array.size() !== 4) return undefined;
  const numbers = array.asArray().map((item) => {
    const number = item instanceof PDFRef ? context.lookup(item) : item;
    return number instanceof PDFNumber ? number.asNumber() : Number.NaN;
  });
  if (!numbers.every(Number.isFinite)) return undefined;
  const [ax, ay, bx, by] = numbers as [number, number, number, number];
  const box = { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  return box.x1 > box.x0 && box.y1 > box.y0 ? box : undefined;
}

function intersect(a: Box, b: Box): Box | undefined {
  const box = {
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  };
  return box.x1 > box.x0 && box.y1 > box.y0 ? box : undefined;
}

/** Reads a page already validated by the page checks (it has a usable MediaBox). */
export function readPageGeometry(page: PDFPageLeaf): PageGeometry {
  const { context } = page;
  const mediaBox = readBox(context, page.getInheritableAttribute(PDFName.of('MediaBox')));
  if (!mediaBox) throw new Error('readPageGeometry: page without a usable MediaBox (not validated)');
  const crop = readBox(context, page.getInheritableAttribute(PDFName.of('CropBox')));
  // A CropBox outside the MediaBox is ignored by viewers, which then show the MediaBox.
  const cropBox = (crop && intersect(crop, mediaBox)) ?? mediaBox;

  const rotateValue = page.getInheritableAttribute(PDFName.of('Rotate'));
  const rotateNumber = rotateValue instanceof PDFRef ? context.lookup(rotateValue) : rotateValue;
  const rotate = rotateNumber instanceof PDFNumber ? normaliseRotation(rotateNumber.asNumber()) : 0;

  const cropWidth = cropBox.x1 - cropBox.x0;
  const cropHeight = cropBox.y1 - cropBox.y0;
  const quarterTurn = rotate === 90 || rotate === 270;
  return {
    rotate,
    mediaBox,
    cropBox,
    width: quarterTurn ? cropHeight : cropWidth,
    height: quarterTurn ? cropWidth : cropHeight,
  };
}

const size = (g: PageGeometry) => `${Math.round(g.width)} × ${Math.round(g.height)} pt as displayed`;

export function classifyPage(geometry: PageGeometry): PageClass {
  const { width, height } = geometry;
  if (Math.max(width, height) < TINY_LONG_SIDE) {
    return { layout: 'a4', unusual: `too small for an exam page (${size(geometry)}); kept whole` };
  }
  if (width / height > A3_MIN_RATIO) return { layout: 'a3' };
  if (width >= height) {
    return {
      layout: 'a4',
      unusual: `nearly square (${size(geometry)}): neither an A4 page nor an A3 side; kept whole`,
    };
  }
  if (height > A4_MAX_LONG_SIDE) {
    return {
      layout: 'a4',
      unusual: `portrait and larger than A4 (${size(geometry)}): perhaps an A3 side scanned without rotation; kept whole, not split`,
    };
  }
  return { layout: 'a4' };
}
