// A copy from one scan is written from the scan's own bytes at the scan's own object numbers; what the
// scan spells wrongly (a stream's /Length) is written by pdf-lib instead; another page the copied page
// points at is not brought along; parsed streams are views into the file, not copies.
import type { PDFRef } from 'pdf-lib';
import { PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { bytesParsedFrom } from '../../core/pdf/object-bytes';
import { readPageGeometry } from '../../core/pdf/page-geometry';
import { parsePdfQuietly } from '../../core/pdf/parse-pdf';
import { buildCopyPdf, type CopyPageSource } from '../../core/pdf/split';
import { buildScanPdf, noiseJpeg, sheetSides } from '../pipeline/fixtures';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
/** Byte for byte, whatever the array's class (the parser gives a Buffer's views for a Buffer). */
const same = (a: Uint8Array, b: Uint8Array) => expect(Buffer.compare(a, b)).toBe(0);

function halves(doc: PDFDocument, index: number): CopyPageSource[] {
  const geometry = readPageGeometry(doc.getPage(index).node);
  return (['left', 'right'] as const).map((half) => ({ doc, index, half, geometry, rotate: 0 }));
}

/** The page's first image XObject: its reference and its stream. */
function firstImage(doc: PDFDocument, index: number): { ref: PDFRef; stream: PDFRawStream } {
  const xobjects = doc.getPage(index).node.Resources()!.lookup(PDFName.of('XObject')) as unknown as {
    entries(): [PDFName, PDFObject][];
  };
  const ref = xobjects.entries()[0]![1] as PDFRef;
  return { ref, stream: doc.context.lookup(ref) as PDFRawStream };
}

describe('a copy written from the scan’s own bytes', () => {
  it('holds each image object byte for byte at its own number, the file’s bytes shared, not copied', async () => {
    const jpeg = await noiseJpeg(60, 40);
    const { bytes } = await buildScanPdf(sheetSides(2, { raster: { jpeg, masks: 3 } }));
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    const scan = await parsePdfQuietly(shared);
    const { ref, stream } = firstImage(scan, 2);
    expect(stream.contents.buffer).toBe(shared.buffer);
    const spelled = bytesParsedFrom(stream)!;
    expect(latin1(spelled)).toMatch(/^<<[\s\S]*\/Subtype \/Image[\s\S]*endstream$/);

    const copyBytes = await buildCopyPdf(halves(scan, 2));
    expect(latin1(copyBytes)).toContain(`\n${ref.objectNumber} 0 obj\n${latin1(spelled)}\nendobj\n`);
    const copy = await PDFDocument.load(copyBytes);
    expect(copy.getPageCount()).toBe(2);
    same((copy.context.lookup(ref) as PDFRawStream).contents, stream.contents);
    // The other sheet's images stay out.
    expect(copy.context.lookup(firstImage(scan, 0).ref)).toBeUndefined();
  });

  it('writes a stream whose /Length is wrong in the scan with its true length', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([200, 100]);
    const contents = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 256);
    const image = doc.context.register(
      PDFRawStream.of(doc.context.obj({ Type: 'XObject', Subtype: 'Image', Length: 3000 }), contents),
    );
    page.node.setXObject(PDFName.of('Im0'), image);
    const saved = latin1(await doc.save({ useObjectStreams: false }));
    expect(saved).toContain('/Length 3000');
    const scan = await parsePdfQuietly(Buffer.from(saved.replace('/Length 3000', '/Length 2999'), 'latin1'));
    same((scan.context.lookup(image) as PDFRawStream).contents, contents);

    const copyBytes = await buildCopyPdf(halves(scan, 0));
    expect(latin1(copyBytes)).not.toContain('/Length 2999');
    const copy = await PDFDocument.load(copyBytes);
    const copied = copy.context.lookup(image) as PDFRawStream;
    same(copied.contents, contents);
    expect(copied.dict.get(PDFName.of('Length'))?.toString()).toBe('3000');
  });

  it('does not bring along the scan’s other pages through a reference to one of them', async () => {
    const jpeg = await noiseJpeg(60, 40);
    const fixture = await buildScanPdf(sheetSides(1, { raster: { jpeg, masks: 1 } }));
    const source = await PDFDocument.load(fixture.bytes);
    const annotation = source.context.obj({ Type: 'Annot', Subtype: 'Link', P: source.getPage(1).ref });
    source.getPage(0).node.set(PDFName.of('Annots'), source.context.obj([annotation]));
    const scan = await parsePdfQuietly(await source.save({ useObjectStreams: false }));

    const copy = await PDFDocument.load(await buildCopyPdf(halves(scan, 0)));
    expect(copy.getPageCount()).toBe(2);
    expect(copy.context.lookup(firstImage(scan, 0).ref)).toBeDefined();
    expect(copy.context.lookup(firstImage(scan, 1).ref)).toBeUndefined();
  });

  it('copies a sheet whose sides are in two scan files, renumbered', async () => {
    const jpeg = await noiseJpeg(60, 40);
    const [first, second] = await Promise.all(
      [0, 1].map(async () =>
        parsePdfQuietly((await buildScanPdf(sheetSides(1, { raster: { jpeg, masks: 0 } }))).bytes),
      ),
    );
    const copy = await PDFDocument.load(await buildCopyPdf([...halves(first!, 0), ...halves(second!, 1)]));
    expect(copy.getPageCount()).toBe(4);
    same(firstImage(copy, 0).stream.contents, firstImage(first!, 0).stream.contents);
    same(firstImage(copy, 3).stream.contents, firstImage(second!, 1).stream.contents);
  });
});
