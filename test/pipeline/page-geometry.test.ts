import { PDFDocument, PDFName, PDFNumber, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { classifyPage, normaliseRotation, readPageGeometry } from '../../core/pdf/page-geometry';
import type { PageGeometry } from '../../core/pdf/page-geometry';

describe('normaliseRotation', () => {
  it('brings negative and large multiples of 90 into 0..270, as viewers do', () => {
    expect([0, 90, -90, 270, 360, 450, -180, -450, 720].map(normaliseRotation)).toEqual([
      0, 90, 270, 270, 0, 90, 180, 270, 0,
    ]);
  });

  it('ignores angles that are not multiples of 90', () => {
    expect([45, 91.5, -30].map(normaliseRotation)).toEqual([0, 0, 0]);
  });
});

describe('readPageGeometry', () => {
  it('reads a copier A3 side (portrait MediaBox, /Rotate 270) as a landscape page', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([841.68, 1190.4]);
    page.setRotation(degrees(270));
    const geometry = readPageGeometry(page.node);
    expect(geometry.rotate).toBe(270);
    expect(geometry.width).toBeCloseTo(1190.4);
    expect(geometry.height).toBeCloseTo(841.68);
    expect(classifyPage(geometry)).toEqual({ layout: 'a3' });
  });

  it('takes /Rotate inherited from the page tree, and a negative one', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([841.68, 1190.4]);
    doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(-90));
    expect(readPageGeometry(doc.getPage(0).node).rotate).toBe(270);
  });

  it('uses the CropBox clipped to the MediaBox, and the MediaBox when they do not overlap', async () => {
    const doc = await PDFDocument.create();
    const clipped = doc.addPage([600, 800]);
    clipped.node.set(PDFName.of('CropBox'), doc.context.obj([500, 700, -100, 100]));
    expect(readPageGeometry(clipped.node).cropBox).toEqual({ x0: 0, y0: 100, x1: 500, y1: 700 });
    const apart = doc.addPage([600, 800]);
    apart.setCropBox(1000, 1000, 50, 50);
    expect(readPageGeometry(apart.node).cropBox).toEqual({ x0: 0, y0: 0, x1: 600, y1: 800 });
  });

  it('handles MediaBox corners given in any order and not at the origin', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.node.set(PDFName.of('MediaBox'), doc.context.obj([1200, 850, 10, 8]));
    const geometry = readPageGeometry(page.node);
    expect(geometry.mediaBox).toEqual({ x0: 10, y0: 8, x1: 1200, y1: 850 });
    expect([geometry.width, geometry.height]).toEqual([1190, 842]);
  });
});

describe('classifyPage', () => {
  const shown = (width: number, height: number): PageGeometry => {
    const box = { x0: 0, y0: 0, x1: width, y1: height };
    return { rotate: 0, mediaBox: box, cropBox: box, width, height };
  };

  it('splits landscape pages, A3 or scaled down to A4, and keeps A4 portrait pages whole', () => {
    expect(classifyPage(shown(1190, 842))).toEqual({ layout: 'a3' });
    expect(classifyPage(shown(842, 595))).toEqual({ layout: 'a3' });
    expect(classifyPage(shown(595, 842))).toEqual({ layout: 'a4' });
  });

  it('keeps unusual pages whole and says why', () => {
    expect(classifyPage(shown(842, 1190)).unusual).toMatch(/portrait and larger than A4/);
    expect(classifyPage(shown(700, 700)).unusual).toMatch(/nearly square/);
    expect(classifyPage(shown(280, 140))).toMatchObject({
      layout: 'a4',
      unusual: expect.stringMatching(/too small/),
    });
  });
});
