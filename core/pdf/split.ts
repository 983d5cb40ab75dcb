// Lossless split: each half of an A3 side is the same page (same content stream, same images) with its
// own MediaBox and CropBox, so nothing is rasterised or re-encoded and the scan's images are shared.
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import type { PDFPage, PDFPageLeaf } from 'pdf-lib';
import type { Half } from '../manifest';
import type { Box, PageGeometry, Rotation } from './page-geometry';
// Scan images are written with one block copy each, not byte by byte (see stream-bytes.ts).
import './stream-bytes';
import { saveVerbatim } from './verbatim-copy';

export type SideHalf = 'left' | 'right';

/**
 * Whether the displayed left half is the low-coordinate half of user space. A viewer turns the page
 * clockwise by /Rotate: at 90 the bottom edge (low y) ends up on the left, at 270 the top edge (high y),
 * at 180 the right edge (high x).
 */
const LEFT_IS_LOW: Record<Rotation, boolean> = { 0: true, 90: true, 180: false, 270: false };

/** The displayed half of a page, in unrotated user space (the page keeps its /Rotate). */
export function halfBox(geometry: PageGeometry, half: SideHalf): Box {
  const { x0, y0, x1, y1 } = geometry.cropBox;
  const low = (half === 'left') === LEFT_IS_LOW[geometry.rotate];
  if (geometry.rotate === 0 || geometry.rotate === 180) {
    const middle = (x0 + x1) / 2;
    return low ? { x0, y0, x1: middle, y1 } : { x0: middle, y0, x1, y1 };
  }
  const middle = (y0 + y1) / 2;
  return low ? { x0, y0, x1, y1: middle } : { x0, y0: middle, x1, y1 };
}

export interface CopyPageSource {
  doc: PDFDocument;
  /** 0-based page index in `doc`. */
  index: number;
  half: Half;
  geometry: PageGeometry;
  /** Extra clockwise turn the station applies (a sheet fed upside down), on top of the page's /Rotate. */
  rotate: Rotation;
}

/** One PDF holding `pages` in the given order; A4 pages are copied unchanged. No metadata: the same
 * input gives byte-identical copies, run after run. */
export async function buildCopyPdf(pages: readonly CopyPageSource[]): Promise<Uint8Array> {
  const doc = pages[0]?.doc;
  if (doc && pages.every((page) => page.doc === doc)) {
    return saveVerbatim(
      doc,
      pages.map((page) => page.index),
      (leaf, position) => shape(leaf, pages[position]!),
    );
  }
  // A copy across two scan files (its sheet's sides are in both): their object numbers collide, so
  // pdf-lib copies and renumbers the pages.
  const out = await PDFDocument.create({ updateMetadata: false });
  const copied = await copyPagesOncePerSource(out, pages);
  pages.forEach((page, position) => shape(out.addPage(copied[position]).node, page));
  // Objects written one by one with a plain cross-reference table: pdf-lib deflates object streams in
  // JavaScript (pako), a quarter of a compact batch's split and over half of a bilevel one's, to save ~2 %
  // of a copy's size (its images are compressed already). All at once: the default pauses a timer tick
  // every 50 objects.
  return out.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** The half's boxes and the station's turn, on the copy's page dictionary. */
function shape(copy: PDFPageLeaf, page: CopyPageSource): void {
  if (page.half !== 'full') cropTo(copy, halfBox(page.geometry, page.half));
  // Turning is lossless too: only /Rotate changes, and the half's box stays as selected above.
  if (page.rotate !== 0) {
    copy.set(PDFName.of('Rotate'), PDFNumber.of((page.geometry.rotate + page.rotate) % 360));
  }
}

/** One copyPages call per source document, so objects its pages share (images, fonts) are copied once. */
async function copyPagesOncePerSource(
  out: PDFDocument,
  pages: readonly CopyPageSource[],
): Promise<PDFPage[]> {
  const positionsBySource = new Map<PDFDocument, number[]>();
  pages.forEach((page, position) => {
    const positions = positionsBySource.get(page.doc) ?? [];
    positions.push(position);
    positionsBySource.set(page.doc, positions);
  });
  const copied: PDFPage[] = [];
  for (const [doc, positions] of positionsBySource) {
    const copies = await out.copyPages(
      doc,
      positions.map((position) => pages[position]!.index),
    );
    positions.forEach((position, k) => (copied[position] = copies[k]!));
  }
  return copied;
}

/** The half becomes the whole page; the print-production boxes would describe the other half too. */
function cropTo(page: PDFPageLeaf, box: Box): void {
  const rectangle = page.context.obj([box.x0, box.y0, box.x1, box.y1]);
  page.set(PDFName.of('MediaBox'), rectangle);
  page.set(PDFName.of('CropBox'), rectangle);
  for (const name of ['TrimBox', 'BleedBox', 'ArtBox']) page.delete(PDFName.of(name));
}
