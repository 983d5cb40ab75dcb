// pdf-lib's parser noise is kept off stderr without taking console.warn from anyone else: two requests of
// `serve` may parse at once, and other code may warn meanwhile.
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePdfQuietly } from '../../core/pdf/parse-pdf';

/** A one-page PDF whose page object is damaged, so that the parser warns while it recovers. */
async function damagedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([100, 100]);
  const text = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
  return Buffer.from(
    text.replace(/\n(\d+) 0 obj\n<<\n\/Type \/Page\n/, '\n$1 0 obj junk\n<<\n/Type /Page\n'),
    'latin1',
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parsePdfQuietly', () => {
  it('drops the parser noise only, and gives console.warn back after overlapping parses', async () => {
    const seen: unknown[][] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      seen.push(args);
    });
    const before = console.warn;
    const bytes = await damagedPdf();
    const first = parsePdfQuietly(bytes);
    const second = parsePdfQuietly(bytes);
    console.warn('another request warns');
    await Promise.all([first, second]);
    expect(console.warn).toBe(before);
    expect(seen).toEqual([['another request warns']]);
    console.warn('after');
    expect(seen.at(-1)).toEqual(['after']);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
