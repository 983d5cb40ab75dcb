// The facts of one scan file that the quality report is made of: each page as displayed, and the effective
// resolution and colour mode of the images that draw it. Read from the page tree and the content streams
// only: no image is decoded, so a batch of 300 dpi scans is measured in a fraction of a second.
import type { PDFDocument } from 'pdf-lib';
import type { ColourMode } from '../../manifest';
import { classifyPage, readPageGeometry, type PageLayout, type Rotation } from '../page-geometry';
import { pageImagePlacements, type ImagePlacement } from './image-placements';

export interface PageFacts {
  rotate: Rotation;
  /** Displayed size, rounded to the millimetre. */
  widthMm: number;
  heightMm: number;
  /** As the pipeline classifies it: a landscape A3 side or a page standing alone. */
  layout: PageLayout;
}

export interface DpiRange {
  min: number;
  max: number;
}

export interface FileFacts {
  pages: PageFacts[];
  /** Images that carry the page (a scan, or a compact PDF's background). */
  imageDpi: DpiRange | null;
  /** Stencils: the ink layers of compact PDFs, where the handwriting lives. */
  inkDpi: DpiRange | null;
  colour: ColourMode[];
}

/**
 * Images this small carry no detail anyone reads, and a 1-pixel image stretched over a page as a flat tint
 * would otherwise report a resolution near zero.
 */
const MIN_PIXELS = 8;
const COLOUR_ORDER: ColourMode[] = ['colour', 'grey', 'bilevel'];

const toMm = (points: number) => Math.round((points * 25.4) / 72);

class RangeBuilder {
  private min = Infinity;
  private max = -Infinity;

  /** Both axes count: a scanner may sample across and along the paper at different resolutions. */
  add(widthPx: number, heightPx: number, widthPt: number, heightPt: number): void {
    if (Math.min(widthPx, heightPx) < MIN_PIXELS || Math.min(widthPt, heightPt) <= 0) return;
    for (const dpi of [(widthPx * 72) / widthPt, (heightPx * 72) / heightPt]) {
      this.min = Math.min(this.min, dpi);
      this.max = Math.max(this.max, dpi);
    }
  }

  build(): DpiRange | null {
    return this.min <= this.max ? { min: Math.round(this.min), max: Math.round(this.max) } : null;
  }
}

export function measureFile(doc: PDFDocument): FileFacts {
  const image = new RangeBuilder();
  const ink = new RangeBuilder();
  const colours = new Set<ColourMode>();
  const record = ({ image: info, widthPt, heightPt }: ImagePlacement) => {
    (info.stencil ? ink : image).add(info.width, info.height, widthPt, heightPt);
    if (info.mask) ink.add(info.mask.width, info.mask.height, widthPt, heightPt);
    if (info.colour) colours.add(info.colour);
    if (info.mask) colours.add('bilevel');
  };
  const pages = doc.getPages().map((page) => {
    const geometry = readPageGeometry(page.node);
    pageImagePlacements(page.node).forEach(record);
    return {
      rotate: geometry.rotate,
      widthMm: toMm(geometry.width),
      heightMm: toMm(geometry.height),
      layout: classifyPage(geometry).layout,
    };
  });
  return {
    pages,
    imageDpi: image.build(),
    inkDpi: ink.build(),
    colour: COLOUR_ORDER.filter((mode) => colours.has(mode)),
  };
}
