import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPageGeometry } from '../../core/pdf/page-geometry';
import type { Box } from '../../core/pdf/page-geometry';
import { buildCopyPdf, halfBox } from '../../core/pdf/split';
import type { CopyPageSource } from '../../core/pdf/split';
import { A4_PAGE, LABEL_OFFSET, buildScanPdf, noiseJpeg, sheetSides } from './fixtures';
import type { Point, Rotation } from './fixtures';
import { imageHashes, shownPages } from './pdf-inspect';

const W = 1190.4; // A3 long side
const H = 841.68; // A3 short side
const M = W / 2;

/** The expected halves in user space, written out by hand for each /Rotate. */
const EXPECTED: Record<Rotation, { left: Box; right: Box }> = {
  0: { left: { x0: 0, y0: 0, x1: M, y1: H }, right: { x0: M, y0: 0, x1: W, y1: H } },
  90: { left: { x0: 0, y0: 0, x1: H, y1: M }, right: { x0: 0, y0: M, x1: H, y1: W } },
  180: { left: { x0: M, y0: 0, x1: W, y1: H }, right: { x0: 0, y0: 0, x1: M, y1: H } },
  270: { left: { x0: 0, y0: M, x1: H, y1: W }, right: { x0: 0, y0: 0, x1: H, y1: M } },
};

const inside = (p: Point, b: Box) => p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1;

function storedBox(doc: PDFDocument, index: number, name: 'MediaBox' | 'CropBox'): Box {
  const page = doc.getPage(index);
  const { x, y, width, height } = name === 'MediaBox' ? page.getMediaBox() : page.getCropBox();
  return { x0: x, y0: y, x1: x + width, y1: y + height };
}

async function splitSide(
  bytes: Uint8Array,
): Promise<{ out: PDFDocument; outBytes: Uint8Array; source: PDFDocument }> {
  const source = await PDFDocument.load(bytes);
  const geometry = readPageGeometry(source.getPage(0).node);
  const halves: CopyPageSource[] = (['left', 'right'] as const).map((half) => ({
    doc: source,
    index: 0,
    half,
    geometry,
    rotate: 0,
  }));
  const outBytes = await buildCopyPdf(halves);
  return { out: await PDFDocument.load(outBytes), outBytes, source };
}

describe.each([0, 90, 180, 270] as const)('splitting an A3 side stored with /Rotate %i', (rotate) => {
  it.each([false, true])(
    'cuts each displayed half into an upright A4 page (rotate inherited: %s)',
    async (inherit) => {
      const side = { kind: 'a3' as const, labels: ['L', 'R'], rotate };
      const fixture = await buildScanPdf([side], inherit ? { inheritRotate: rotate } : {});
      const marks = fixture.marks[0]!;

      // The fixture itself, as a viewer shows it: the left mark is on the left.
      const [shownSide] = await shownPages(fixture.bytes);
      expect(shownSide!.width).toBeCloseTo(W);
      expect(shownSide!.show(marks.left!.centre.x, marks.left!.centre.y)[0]).toBeLessThan(M);
      expect(shownSide!.show(marks.right!.centre.x, marks.right!.centre.y)[0]).toBeGreaterThan(M);

      const { out, outBytes } = await splitSide(fixture.bytes);
      expect(out.getPageCount()).toBe(2);
      (['left', 'right'] as const).forEach((half, index) => {
        const other = half === 'left' ? 'right' : 'left';
        for (const name of ['MediaBox', 'CropBox'] as const) {
          const box = storedBox(out, index, name);
          for (const key of ['x0', 'y0', 'x1', 'y1'] as const)
            expect(box[key]).toBeCloseTo(EXPECTED[rotate][half][key]);
        }
        expect(out.getPage(index).getRotation().angle).toBe(rotate);
        expect(inside(marks[half]!.centre, EXPECTED[rotate][half])).toBe(true);
        expect(inside(marks[other]!.centre, EXPECTED[rotate][half])).toBe(false);
      });

      // As a viewer shows the output: A4 portrait, the half's label at its top-left, its mark in the middle.
      for (const [index, shown] of (await shownPages(outBytes)).entries()) {
        const half = index === 0 ? 'left' : 'right';
        expect([shown.width, shown.height].map(Math.round)).toEqual([595, 842]);
        const corner = shown.show(marks[half]!.corner.x, marks[half]!.corner.y);
        expect(corner[0]).toBeCloseTo(LABEL_OFFSET.u);
        expect(corner[1]).toBeCloseTo(LABEL_OFFSET.v);
        const centre = shown.show(marks[half]!.centre.x, marks[half]!.centre.y);
        expect(centre[0]).toBeCloseTo(A4_PAGE.width / 2);
        expect(centre[1]).toBeCloseTo(A4_PAGE.height / 2);
      }
    },
  );
});

describe('buildCopyPdf', () => {
  it.each([0, 270] as const)(
    'turns a half of an upside-down sheet (/Rotate %i) upright by 180° more, losslessly',
    async (rotate) => {
      const fixture = await buildScanPdf([{ kind: 'a3', labels: ['L', 'R'], rotate }]);
      const source = await PDFDocument.load(fixture.bytes);
      const geometry = readPageGeometry(source.getPage(0).node);
      const outBytes = await buildCopyPdf([{ doc: source, index: 0, half: 'left', geometry, rotate: 180 }]);
      const out = await PDFDocument.load(outBytes);
      expect(out.getPage(0).getRotation().angle).toBe((rotate + 180) % 360);
      expect(storedBox(out, 0, 'CropBox')).toEqual(halfBox(geometry, 'left'));
      // The label a viewer showed at the half's top-left now shows at its bottom-right.
      const [shown] = await shownPages(outBytes);
      const mark = fixture.marks[0]!.left!;
      const corner = shown!.show(mark.corner.x, mark.corner.y);
      expect(corner[0]).toBeCloseTo(A4_PAGE.width - LABEL_OFFSET.u);
      expect(corner[1]).toBeCloseTo(A4_PAGE.height - LABEL_OFFSET.v);
    },
  );

  it('splits the CropBox, not the MediaBox, and drops the other page boxes', async () => {
    const fixture = await buildScanPdf([{ kind: 'a3', labels: ['L', 'R'], rotate: 270, cropInset: 20 }]);
    const source = await PDFDocument.load(fixture.bytes);
    source.getPage(0).setTrimBox(0, 0, 100, 100);
    const geometry = readPageGeometry(source.getPage(0).node);
    expect(halfBox(geometry, 'left')).toEqual({ x0: 20, y0: M, x1: H - 20, y1: W - 20 });
    const out = await PDFDocument.load(
      await buildCopyPdf([{ doc: source, index: 0, half: 'left', geometry, rotate: 0 }]),
    );
    expect(source.getPage(0).node.get(PDFName.of('TrimBox'))).toBeDefined();
    expect(out.getPage(0).node.get(PDFName.of('TrimBox'))).toBeUndefined();
  });

  it('copies A4 pages unchanged', async () => {
    const fixture = await buildScanPdf([{ kind: 'a4', labels: ['A4'], cropInset: 10 }]);
    const source = await PDFDocument.load(fixture.bytes);
    const geometry = readPageGeometry(source.getPage(0).node);
    const out = await PDFDocument.load(
      await buildCopyPdf([{ doc: source, index: 0, half: 'full', geometry, rotate: 0 }]),
    );
    expect(out.getPage(0).getMediaBox()).toEqual(source.getPage(0).getMediaBox());
    expect(out.getPage(0).getCropBox()).toEqual(source.getPage(0).getCropBox());
  });

  it('keeps every scan image byte for byte, each stored once, in a sheet put back in reading order', async () => {
    const jpeg = await noiseJpeg(120, 85);
    const fixture = await buildScanPdf(sheetSides(1, { rotate: 270, raster: { jpeg, masks: 12 } }));
    const source = await PDFDocument.load(fixture.bytes);
    const [recto, verso] = [0, 1].map((index) => readPageGeometry(source.getPage(index).node));
    const sheet: CopyPageSource[] = [
      { doc: source, index: 0, half: 'right', geometry: recto!, rotate: 0 },
      { doc: source, index: 1, half: 'left', geometry: verso!, rotate: 0 },
      { doc: source, index: 1, half: 'right', geometry: verso!, rotate: 0 },
      { doc: source, index: 0, half: 'left', geometry: recto!, rotate: 0 },
    ];
    const outBytes = await buildCopyPdf(sheet);
    const out = await PDFDocument.load(outBytes);

    // 2 backgrounds + 2 × 12 ink masks, shared by the two halves of each side rather than duplicated.
    expect(imageHashes(out)).toHaveLength(26);
    expect(imageHashes(out)).toEqual(imageHashes(source));
    expect(outBytes.length).toBeLessThan(fixture.bytes.length + 2000);
  });
});
