// The quality report on hand-built pages: content streams the generator never writes (nested forms, inline
// images, strings that look like operators, colour spaces by reference) and page layouts that should or
// should not raise a warning.
import { PDFDocument, PDFName, type PDFPage, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { SourceQuality } from '../../core/manifest';
import { measureQuality } from '../../core/pdf/quality/source-quality';
import { A4_PAGE, buildScanPdf, sheetSides, type FixturePage } from '../pipeline/fixtures';
import { loaded } from './quality-helpers';

type Dict = NonNullable<Parameters<PDFDocument['context']['stream']>[1]>;

async function qualityOfFiles(files: Uint8Array[]): Promise<SourceQuality[]> {
  const named = files.map((bytes, index) => ({ name: `SKM${index + 1}.pdf`, bytes }));
  return measureQuality(
    await Promise.all(named.map(loaded)),
    named.map((file) => file.name),
  );
}

async function qualityOfPages(pages: FixturePage[]): Promise<SourceQuality> {
  return (await qualityOfFiles([(await buildScanPdf(pages)).bytes]))[0]!;
}

/** An image XObject with no real data: only its dictionary is read. */
function image(doc: PDFDocument, dict: Dict): PDFRef {
  return doc.context.register(
    doc.context.stream(new Uint8Array(4), { Type: 'XObject', Subtype: 'Image', ...dict }),
  );
}

function form(doc: PDFDocument, content: string, dict: Dict): PDFRef {
  return doc.context.register(
    doc.context.stream(content, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 1000, 1000], ...dict }),
  );
}

function setContent(
  doc: PDFDocument,
  page: PDFPage,
  content: string,
  xObjects: Record<string, PDFRef>,
): void {
  page.node.set(PDFName.of('Resources'), doc.context.obj({ XObject: xObjects }));
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content)));
}

/** A3 landscape, as the station expects. */
const A3: [number, number] = [1190.55, 841.89];

describe('input quality report: reading content streams', () => {
  it('follows cm through q/Q and into nested forms with their own matrices and resources', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage(A3);
    const wide = image(doc, { Width: 300, Height: 150, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 });
    const turned = image(doc, { Width: 200, Height: 200, ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
    const inner = form(doc, 'q 0 100 -100 0 100 0 cm /Turned Do Q', {
      Resources: doc.context.obj({ XObject: { Turned: turned } }),
    });
    // The outer form uses its page's resources (no /Resources of its own), as old files do.
    const outer = form(doc, 'q 300 0 0 150 0 0 cm /Wide Do Q /Inner Do', { Matrix: [0.5, 0, 0, 0.5, 0, 0] });
    // Operators inside a string, a comment and an unbalanced Q must change nothing.
    const content =
      '(9 0 0 9 0 0 cm /Wide Do) Tj % 9 0 0 9 0 0 cm\nQ q 2 0 0 2 10 10 cm /Outer Do Q /Wide Do';
    setContent(doc, page, content, { Wide: wide, Outer: outer, Inner: inner });

    const quality = (await qualityOfFiles([await doc.save()]))[0]!;
    // Wide: 300 px over 300 pt (72 dpi) inside the forms, then 300 px over 1 pt at the end (21600 dpi);
    // Turned: 200 px over 100 pt (144 dpi), turned a quarter.
    expect(quality.imageDpi).toEqual({ min: 72, max: 21600 });
    expect(quality.colour).toEqual(['colour', 'grey']);
  });

  it("applies a form's matrix before the page's transform, as PDF composes them", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage(A3);
    const strip = image(doc, { Width: 300, Height: 100, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 });
    const turn = form(doc, 'q 100 0 0 100 0 0 cm /Strip Do Q', {
      Matrix: [0, 1, -1, 0, 0, 0],
      Resources: doc.context.obj({ XObject: { Strip: strip } }),
    });
    setContent(doc, page, 'q 2 0 0 1 0 0 cm /Turn Do Q', { Turn: turn });
    // Turned a quarter first, the strip's rows run up the page and escape the horizontal stretch: 300 px
    // over 100 pt (216 dpi) and 100 px over 200 pt (36 dpi). Composed the other way round: 108 and 72.
    expect((await qualityOfFiles([await doc.save()]))[0]!.imageDpi).toEqual({ min: 36, max: 216 });
  });

  it('reads inline images and explicit masks as ink, and skips a one-pixel tint', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage(A3);
    const mask = image(doc, { Width: 400, Height: 400, ImageMask: true, BitsPerComponent: 1 });
    const masked = image(doc, {
      Width: 100,
      Height: 100,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
      Mask: mask,
    });
    const tint = image(doc, { Width: 1, Height: 1, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 });
    // The inline data holds "EI" glued to other bytes, which must not end the image.
    const inline = 'q 50 0 0 50 0 0 cm BI /W 100 /H 100 /IM true /BPC 1 ID \x00EIx\xffEI\x00 EI Q';
    const content = `q 1190 0 0 841 0 0 cm /Tint Do Q q 200 0 0 200 0 0 cm /Masked Do Q ${inline}`;
    setContent(doc, page, content, { Tint: tint, Masked: masked });

    const quality = (await qualityOfFiles([await doc.save()]))[0]!;
    expect(quality.imageDpi).toEqual({ min: 36, max: 36 });
    expect(quality.inkDpi).toEqual({ min: 144, max: 144 });
    expect(quality.colour).toEqual(['colour', 'bilevel']);
  });

  it('tells colour, grey and bilevel apart from ICC profiles, palettes and named colour spaces', async () => {
    const icc = (doc: PDFDocument, n: number) => doc.context.register(doc.context.stream('', { N: n }));
    const modes: SourceQuality['colour'][] = [];
    for (const dict of [
      (doc: PDFDocument) => ({ ColorSpace: ['ICCBased', icc(doc, 1)], BitsPerComponent: 8 }),
      (doc: PDFDocument) => ({ ColorSpace: ['ICCBased', icc(doc, 1)], BitsPerComponent: 1 }),
      () => ({ ColorSpace: 'Scan', BitsPerComponent: 8 }),
      () => ({ ColorSpace: ['Indexed', 'DeviceGray', 1, 'Table'], BitsPerComponent: 1 }),
      () => ({ ColorSpace: ['Indexed', 'DeviceRGB', 1, 'Table'], BitsPerComponent: 1 }),
      () => ({ Filter: 'JPXDecode' }),
    ]) {
      const doc = await PDFDocument.create();
      const page = doc.addPage(A3);
      setContent(doc, page, 'q 100 0 0 100 0 0 cm /Im Do Q', {
        Im: image(doc, { Width: 100, Height: 100, ...dict(doc) }),
      });
      // A colour space given by name is looked up in the page's resources.
      page.node
        .Resources()!
        .set(PDFName.of('ColorSpace'), doc.context.obj({ Scan: ['ICCBased', icc(doc, 3)] }));
      modes.push((await qualityOfFiles([await doc.save()]))[0]!.colour);
    }
    expect(modes).toEqual([['grey'], ['bilevel'], ['colour'], ['bilevel'], ['colour'], []]);
  });
});

describe('input quality report: page layout warnings', () => {
  it('warns about pages of one size stored with different rotations, naming the rotations', async () => {
    const quality = await qualityOfPages([
      ...sheetSides(1, { rotate: 270 }),
      ...sheetSides(1, { rotate: 90 }),
    ]);
    expect(quality.rotations).toEqual([
      { rotate: 90, pages: 2 },
      { rotate: 270, pages: 2 },
    ]);
    expect(quality.warnings).toEqual([
      expect.stringMatching(
        /^SKM1\.pdf: pages of the same size are stored with different rotations \(420 × 297 mm: \/Rotate 270 on 2 pages, \/Rotate 90 on 2 pages\)/,
      ),
    ]);
  });

  it('accepts A4 pages upright beside A3 sides stored turned, as copiers write them', async () => {
    const quality = await qualityOfPages([
      ...sheetSides(1, { rotate: 270 }),
      { kind: 'a4', labels: ['Annex 1'] },
      { kind: 'a4', labels: ['Annex 2'] },
    ]);
    expect(quality.pageSizes).toEqual([
      { widthMm: 420, heightMm: 297, pages: 2 },
      { widthMm: 210, heightMm: 297, pages: 2 },
    ]);
    expect(quality.warnings).toEqual([]);
  });

  it('warns about pages neither A3 nor A4, listing them', async () => {
    const letter = { width: 612, height: 792 };
    const quality = await qualityOfPages([
      ...sheetSides(1),
      { kind: 'a4', labels: ['US Letter'], size: letter },
      { kind: 'a4', labels: ['A4'], size: A4_PAGE },
      { kind: 'a4', labels: ['US Letter'], size: letter },
    ]);
    expect(quality.warnings).toEqual([
      "SKM1.pdf: 2 pages neither A3 nor A4 (page 3, 5; page 3 is 216 × 279 mm); check the scanner's paper size setting",
    ]);
  });

  it('warns when a run of A3 sides between loose A4 pages is odd, and only then', async () => {
    const a3 = (label: string): FixturePage => ({ kind: 'a3', labels: [label, label] });
    const a4: FixturePage = { kind: 'a4', labels: ['A4'] };
    const quality = await qualityOfPages([a3('1'), a3('2'), a3('3'), a4, a3('5'), a3('6'), a4, a3('8')]);
    expect(quality.warnings).toEqual([
      expect.stringMatching(
        /^SKM1\.pdf: an odd run of 3 A3 sides \(pages 1–3\): .*blank-page removal may be on/,
      ),
      expect.stringMatching(/^SKM1\.pdf: a single A3 side \(page 8\) between loose pages or at an end/),
    ]);
  });

  it('counts a run of A3 sides across files, and blames the file where an odd run ends', async () => {
    const [recto, verso] = sheetSides(1);
    const file = async (pages: FixturePage[]) => (await buildScanPdf(pages)).bytes;
    // A sheet cut between two files pairs up: no warning.
    const paired = await qualityOfFiles([await file([recto!]), await file([verso!, recto!, verso!])]);
    expect(paired.map((q) => q.warnings)).toEqual([[], []]);

    const [first, second] = await qualityOfFiles([await file([recto!]), await file([verso!, recto!])]);
    expect(first!.warnings).toEqual([]);
    expect(second!.warnings).toEqual([
      expect.stringMatching(/^SKM2\.pdf: an odd run of 3 A3 sides \(SKM1\.pdf page 1 to SKM2\.pdf page 2\)/),
    ]);
  });
});
