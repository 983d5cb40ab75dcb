// Small scanner-like PDFs built with pdf-lib: vector marks instead of scans, so tests stay fast and the
// repository holds no binaries. Each displayed half carries a label and a square whose position in user
// space is returned, so a test can check where a split put it.
import {
  PDFDocument,
  PDFName,
  PDFNumber,
  StandardFonts,
  concatTransformationMatrix,
  degrees,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
} from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { Random } from '../generator/random';

export type Rotation = 0 | 90 | 180 | 270;

/** A3 landscape and A4 portrait, as displayed, in points. */
export const A3_SIDE = { width: 1190.4, height: 841.68 };
export const A4_PAGE = { width: 595.2, height: 841.68 };

export interface Point {
  x: number;
  y: number;
}

export interface FixturePage {
  kind: 'a3' | 'a4';
  /** Text drawn upright as displayed: [left, right] for an A3 side, one label for an A4 page. */
  labels: string[];
  /** Stored /Rotate; the content is drawn turned the other way so the page displays upright. */
  rotate?: Rotation;
  /** Displayed size, when not the standard one for the kind. */
  size?: { width: number; height: number };
  /** CropBox inset from the MediaBox, in points, on every edge. */
  cropInset?: number;
  /** Scanner-like raster content: a background JPEG and 1-bit ink masks, like a copier's compact PDF. */
  raster?: { jpeg: Uint8Array; masks: number };
}

/** Where a displayed half's drawings are, in user space. */
export interface HalfMarks {
  /** Centre of the square drawn at the middle of the half. */
  centre: Point;
  /** Start of the label, 40 pt from the half's displayed left edge and 120 pt from its top. */
  corner: Point;
}

/** Per displayed half, or `full` for an A4 page. */
export type FixtureMarks = Partial<Record<'left' | 'right' | 'full', HalfMarks>>;

export const LABEL_OFFSET = { u: 40, v: 120 };

export interface FixturePdf {
  bytes: Uint8Array;
  /** One entry per page, in page order. */
  marks: FixtureMarks[];
}

const MARK_SIZE = 24;

/**
 * User-space point for a displayed point (u right, v down from the displayed top-left) of a page whose
 * MediaBox is [0 0 w h] and which a viewer turns clockwise by `rotate`.
 */
export function displayedToUser(rotate: Rotation, w: number, h: number, u: number, v: number): Point {
  switch (rotate) {
    case 0:
      return { x: u, y: h - v };
    case 90:
      return { x: v, y: u };
    case 180:
      return { x: w - u, y: v };
    case 270:
      return { x: w - v, y: h - u };
  }
}

export async function buildScanPdf(
  pages: readonly FixturePage[],
  options: { inheritRotate?: Rotation; objectStreams?: boolean } = {},
): Promise<FixturePdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  if (options.inheritRotate !== undefined) {
    doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(options.inheritRotate));
  }
  const marks: FixtureMarks[] = [];
  for (const spec of pages) {
    const rotate = options.inheritRotate ?? spec.rotate ?? 0;
    const displayed = spec.size ?? (spec.kind === 'a3' ? A3_SIDE : A4_PAGE);
    const quarter = rotate === 90 || rotate === 270;
    const w = quarter ? displayed.height : displayed.width;
    const h = quarter ? displayed.width : displayed.height;
    const page = doc.addPage([w, h]);
    if (options.inheritRotate === undefined && rotate !== 0) page.setRotation(degrees(rotate));
    if (spec.cropInset) {
      const inset = spec.cropInset;
      page.setCropBox(inset, inset, w - 2 * inset, h - 2 * inset);
    }
    if (spec.raster) await drawRaster(doc, page, spec.raster);

    const toUser = (u: number, v: number) => displayedToUser(rotate, w, h, u, v);
    const halves = spec.kind === 'a3' ? (['left', 'right'] as const) : (['full'] as const);
    const pageMarks: FixtureMarks = {};
    halves.forEach((half, k) => {
      const halfWidth = displayed.width / halves.length;
      const centre = { u: halfWidth * (k + 0.5), v: displayed.height / 2 };
      const corner = { u: halfWidth * k + LABEL_OFFSET.u, v: LABEL_OFFSET.v };
      pageMarks[half] = {
        centre: drawMark(page, toUser, centre),
        corner: drawLabel(page, font, rotate, toUser, spec.labels[k] ?? '', corner),
      };
    });
    marks.push(pageMarks);
  }
  return { bytes: await doc.save({ useObjectStreams: options.objectStreams ?? false }), marks };
}

type ToUser = (u: number, v: number) => Point;

function drawMark(page: PDFPage, toUser: ToUser, centre: { u: number; v: number }): Point {
  const a = toUser(centre.u - MARK_SIZE / 2, centre.v - MARK_SIZE / 2);
  const b = toUser(centre.u + MARK_SIZE / 2, centre.v + MARK_SIZE / 2);
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  page.drawRectangle({ x, y, width: MARK_SIZE, height: MARK_SIZE, color: rgb(0.8, 0.1, 0.1) });
  return toUser(centre.u, centre.v);
}

function drawLabel(
  page: PDFPage,
  font: PDFFont,
  rotate: Rotation,
  toUser: ToUser,
  text: string,
  at: { u: number; v: number },
): Point {
  const origin = toUser(at.u, at.v);
  // pdf-lib turns text counter-clockwise; the viewer turns the page clockwise: the label reads upright.
  page.drawText(text, { ...origin, size: 72, font, rotate: degrees(rotate), color: rgb(0.1, 0.1, 0.5) });
  return origin;
}

/** A background image over the whole MediaBox plus `masks` 1-bit stencils painted in blue, like ink. */
async function drawRaster(doc: PDFDocument, page: PDFPage, raster: { jpeg: Uint8Array; masks: number }) {
  const { width, height } = page.getSize();
  const background = await doc.embedJpg(raster.jpeg);
  page.drawImage(background, { x: 0, y: 0, width, height });
  for (let i = 0; i < raster.masks; i++) {
    const side = 16;
    const bits = new Uint8Array((side / 8) * side).map((_, k) => (k * 37 + i * 11) & 0xff);
    const mask = doc.context.flateStream(bits, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: side,
      Height: side,
      ImageMask: true,
      BitsPerComponent: 1,
    });
    const name = page.node.newXObject('Ink', doc.context.register(mask));
    const x = 20 + (i % 20) * 30;
    const y = 20 + Math.floor(i / 20) * 30;
    page.pushOperators(
      pushGraphicsState(),
      setFillingRgbColor(0, 0, 0.6),
      concatTransformationMatrix(side, 0, 0, side, x, y),
      drawObject(name),
      popGraphicsState(),
    );
  }
}

/**
 * A JPEG of seeded noise: it does not compress, so any duplication of image data would show in file sizes.
 * Seeded because the rescan detector reads ink from it: unseeded noise made tests pass or fail by chance.
 */
export async function noiseJpeg(width: number, height: number, seed = 1): Promise<Uint8Array> {
  const random = new Random(seed);
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) {
    // Sum of four uniforms: close enough to a gaussian of mean 180 and sigma 40 for texture.
    const gaussian = (random.next() + random.next() + random.next() + random.next() - 2) * Math.sqrt(3);
    pixels[i] = Math.max(0, Math.min(255, Math.round(180 + 40 * gaussian)));
  }
  const buffer = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return new Uint8Array(buffer);
}

/** `count` A3 sides labelled like a folded sheet stack: recto [P4 | P1], verso [P2 | P3], sheet after sheet. */
export function sheetSides(sheets: number, spec: Omit<FixturePage, 'kind' | 'labels'> = {}): FixturePage[] {
  return Array.from({ length: sheets }, (_, s) => [
    { ...spec, kind: 'a3' as const, labels: [`S${s + 1} P4`, `S${s + 1} P1`] },
    { ...spec, kind: 'a3' as const, labels: [`S${s + 1} P2`, `S${s + 1} P3`] },
  ]).flat();
}
