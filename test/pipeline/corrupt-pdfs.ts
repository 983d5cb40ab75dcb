// Damaged and refused variants of fixture PDFs, made the way files get damaged in a scan room.
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

/** The file cut after `fraction` of its bytes, as an interrupted copy leaves it. */
export const truncated = (bytes: Uint8Array, fraction: number): Uint8Array =>
  bytes.slice(0, Math.floor(bytes.length * fraction));

/** `text` written over the bytes at `offset`, the length unchanged. */
export function overwritten(bytes: Uint8Array, offset: number, text: string): Uint8Array {
  const copy = Buffer.from(bytes);
  copy.write(text, offset, 'latin1');
  return new Uint8Array(copy);
}

/** Byte offset of each `N 0 obj` header of a file written without object streams. */
export function objectOffsets(bytes: Uint8Array): Map<number, number> {
  const text = Buffer.from(bytes).toString('latin1');
  return new Map([...text.matchAll(/(\d+) 0 obj/g)].map((match) => [Number(match[1]), match.index]));
}

/** The page object `N 0 obj ... endobj` of page `pageIndex` removed, the rest of the file intact. */
export async function withoutPageObject(bytes: Uint8Array, pageIndex: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const ref = doc.getPage(pageIndex).ref;
  const text = Buffer.from(bytes).toString('latin1');
  const start = text.indexOf(`\n${ref.objectNumber} 0 obj`) + 1;
  const end = text.indexOf('endobj', start) + 'endobj'.length;
  return new Uint8Array(Buffer.concat([Buffer.from(bytes.slice(0, start)), Buffer.from(bytes.slice(end))]));
}

/** A PDF whose trailer declares standard encryption, as a password-protected export does. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const encrypt = doc.context.obj({
    Filter: PDFName.of('Standard'),
    V: 2,
    R: 3,
    Length: 128,
    P: -3904,
    O: PDFHexString.of('00'.repeat(32)),
    U: PDFHexString.of('00'.repeat(32)),
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  return doc.save({ useObjectStreams: false });
}

export async function pdfWithPages(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < count; i++) doc.addPage([100, 100]);
  // pdf-lib would add a blank page to a document that has none.
  return doc.save({ addDefaultPage: false });
}
