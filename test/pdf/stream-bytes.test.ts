// A stream is written with block copies exactly as pdf-lib writes it as text (toString): dictionary,
// "stream", the contents byte for byte, "endstream".
import { PDFDocument, PDFRawStream } from 'pdf-lib';
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
});
