// Reading test PDFs back: pdf-lib for the objects as stored, pdf.js for the page as a viewer shows it.
import { createHash } from 'node:crypto';
import { PDFName, PDFRawStream } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ShownPage {
  width: number;
  height: number;
  /** A user-space point as displayed: [u, v] from the top-left corner. */
  show(x: number, y: number): [number, number];
}

/** Every page as pdf.js (a real viewer) lays it out: /Rotate and the CropBox applied. */
export async function shownPages(bytes: Uint8Array): Promise<ShownPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: ShownPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const viewport = (await doc.getPage(number)).getViewport({ scale: 1 });
      pages.push({
        width: viewport.width,
        height: viewport.height,
        show: (x, y) => viewport.convertToViewportPoint(x, y) as [number, number],
      });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** sha256 of the stored (still encoded) bytes of every image stream in the document. */
export function imageHashes(doc: PDFDocument): string[] {
  return doc.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) =>
      object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')
        ? [createHash('sha256').update(object.contents).digest('hex')]
        : [],
    )
    .sort();
}

/** The text a viewer shows on each page: text drawn outside the page's crop is not seen. */
export async function visibleText(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const texts: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const items = (await page.getTextContent()).items.flatMap((item) => ('str' in item ? [item] : []));
      const shown = items.filter((item) => {
        const [u, v] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]);
        return u >= 0 && u <= viewport.width && v >= 0 && v <= viewport.height;
      });
      texts.push(shown.map((item) => item.str).join(' '));
    }
    return texts;
  } finally {
    await doc.destroy();
  }
}
