// A stream is written with block copies exactly as pdf-lib writes it as text (toString): dictionary,
// "stream", the contents byte for byte, "endstream". A page copied into another document shares its
// images' bytes instead of copying them.
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import '../../core/pdf/stream-bytes';

describe('stream bytes', () => {
  it('writes a stream as pdf-lib spells it, and a saved file gives its contents back', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const contents = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
    const stream = PDFRawStream.of(doc.context.obj({ Filter: 'DCTDecode' }), contents);
    const spelled = Uint8Array.from(stream.toString(), (char) => char.charCodeAt(0));
    const buffer = new Uint8Array(spelled.length + 6).fill(42);
    expect(stream.copyBytesInto(buffer, 3)).toBe(spelled.length);
    expect(buffer.subarray(3, 3 + spelled.length)).toEqual(spelled);
    expect([...buffer.subarray(0, 3), ...buffer.subarray(3 + spelled.length)]).toEqual(Array(6).fill(42));

    const ref = doc.context.register(stream);
    const saved = await PDFDocument.load(await doc.save());
    expect((saved.context.lookup(ref) as PDFRawStream).contents).toEqual(contents);
  });

  it('copies a page into another document sharing its image bytes, and saves them whole', async () => {
    const source = await PDFDocument.create({ updateMetadata: false });
    const page = source.addPage([200, 100]);
    const contents = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 256);
    const image = source.context.register(PDFRawStream.of(source.context.obj({ Length: 3000 }), contents));
    page.node.setXObject(PDFName.of('Im0'), image);
    const out = await PDFDocument.create({ updateMetadata: false });
    const [copied] = await out.copyPages(source, [0]);
    out.addPage(copied);
    const resources = copied!.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    expect((resources.lookup(PDFName.of('Im0')) as PDFRawStream).contents).toBe(contents);
    const saved = await PDFDocument.load(await out.save());
    const again = saved.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    expect((again.lookup(PDFName.of('Im0')) as PDFRawStream).contents).toEqual(contents);
  });
});
