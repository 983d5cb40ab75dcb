import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { generateBatch } from './generate';
import type { GenerateOptions, GeneratedBatch, TruthSide } from './types';

const base: GenerateOptions = {
  seed: 37,
  shape: 'jpeg',
  dpi: 20,
  students: 8,
  present: 8,
  sheetsPerStudent: [1, 3],
  files: 2,
  a4Pages: 1,
};

const everyFault: Partial<GenerateOptions> = {
  upsideDown: 1,
  versoFirst: 1,
  upsideDownVersoFirst: 1,
  duplicateSheets: { atEnd: 1, rightAfter: 1, repeatFile: 2 },
  droppedBlankSides: 1,
  missingSheets: 1,
  annexes: { afterCopy: 1, inStack: 1, ownFile: 1 },
  strangers: 1,
  blankHeaderFirstSheet: 1,
};

/** Made once, for the tests that only read it. */
let faultyBatch: Promise<GeneratedBatch> | undefined;
const faultyBatchOnce = () => (faultyBatch ??= generateBatch({ ...base, ...everyFault }));

/** The JPEG of every page of every file, by "file:source". */
async function pageImages(batch: GeneratedBatch): Promise<Map<string, Buffer>> {
  const images = new Map<string, Buffer>();
  for (const [f, file] of batch.files.entries()) {
    const doc = await PDFDocument.load(file.bytes);
    doc.getPages().forEach((page, i) => {
      const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
      const stream = doc.context.lookup(xObjects?.values()[0]);
      if (!(stream instanceof PDFRawStream)) throw new Error('expected one image per page');
      images.set(`${f + 1}:${i + 1}`, Buffer.from(stream.getContents()));
    });
  }
  return images;
}

const shows = (side: TruthSide) => `${side.kind}:${side.left}:${side.right}:${side.full}`;

describe('scan-room faults', () => {
  it('are deterministic: the same options give byte-identical files and truth', async () => {
    const [a, b] = [await faultyBatchOnce(), await generateBatch({ ...base, ...everyFault })];
    expect(b.files.map((f) => f.name)).toEqual(['SKM1.pdf', 'SKM2.pdf', 'SKM3.pdf', 'annexes.pdf']);
    expect(a.files.map((f) => f.name)).toEqual(b.files.map((f) => f.name));
    a.files.forEach((file, i) =>
      expect(Buffer.from(file.bytes).equals(Buffer.from(b.files[i]?.bytes ?? []))).toBe(true),
    );
    expect(a.roster.csvUtf8.equals(b.roster.csvUtf8)).toBe(true);
    expect(b.truth).toEqual(a.truth);
  });

  it('leave everything they do not concern as the batch without them has it', async () => {
    const plain = await generateBatch(base);
    const faulty = await faultyBatchOnce();
    expect(faulty.roster).toEqual(plain.roster);
    expect(faulty.truth.absent).toEqual(plain.truth.absent);

    // The same pages, ids and all, except the blank verso's (now blank, without page box); the pages added
    // are rescans, the annexes and the stranger's.
    const before = new Map(plain.truth.pages.map((p) => [p.id, p]));
    const blankSheetIndex = faulty.truth.sheets.findIndex((s) => s.versoDropped);
    expect(blankSheetIndex).toBeGreaterThanOrEqual(0);
    for (const page of faulty.truth.pages) {
      const { unscanned: _now, ...now } = page;
      const was = before.get(page.id);
      if (was === undefined) {
        const stranger = faulty.truth.strangers?.some((s) => s.email === page.student);
        const annex = faulty.truth.annexes?.some((a) => a.page === page.id);
        expect(page.duplicateOf !== undefined || stranger || annex).toBe(true);
      } else if (page.sheet === blankSheetIndex && page.pageInSheet !== 1) {
        expect(now).toEqual({ ...was, blank: true, pageBox: null });
      } else {
        const { unscanned: _then, ...then } = was;
        expect(now).toEqual(then);
      }
    }

    // Every side showing the same pages the same way is the same scan, down to the JPEG bytes, unless a
    // fault changed what is written on it (the forgotten header, the blank last pages).
    const [plainImages, faultyImages] = [await pageImages(plain), await pageImages(faulty)];
    const plainSides = new Map(plain.truth.sides.map((s) => [shows(s), s]));
    const rewritten = new Set<number | undefined>([
      ...(faulty.truth.sheets[blankSheetIndex]?.pages ?? []),
      faulty.truth.sheets.find((s) => s.sheetNo === 1 && !s.headerFilled)?.pages[0],
    ]);
    let same = 0;
    for (const side of faulty.truth.sides) {
      const was = plainSides.get(shows(side));
      if (!was || side.upsideDown || rewritten.has(side.left) || rewritten.has(side.right)) continue;
      expect(
        faultyImages
          .get(`${side.file}:${side.source}`)
          ?.equals(plainImages.get(`${was.file}:${was.source}`) as Buffer),
      ).toBe(true);
      same++;
    }
    expect(same).toBeGreaterThan(plain.truth.sides.length * 0.6);
  });

  it('refuse what the batch cannot give, naming the fault', async () => {
    const small: GenerateOptions = {
      seed: 1,
      shape: 'jpeg',
      dpi: 20,
      students: 3,
      present: 3,
      sheetsPerStudent: [1, 1],
    };
    await expect(generateBatch({ ...small, upsideDown: 9 })).rejects.toThrow(
      /upsideDown asks for 9 sheet\(s\), but the batch has only 3/,
    );
    await expect(generateBatch({ ...small, missingSheets: 1 })).rejects.toThrow(
      /missingSheets .* students with 2 or more sheets/,
    );
    await expect(generateBatch({ ...small, duplicateSheets: { repeatFile: 4 } })).rejects.toThrow(
      /repeatFile asks for 4 sheets/,
    );
    await expect(generateBatch({ ...small, strangers: -1 })).rejects.toThrow(
      /strangers must be a whole number/,
    );
    await expect(generateBatch({ ...small, twins: 1 })).rejects.toThrow(/twins 1 makes 4 relatives/);
    await expect(generateBatch({ ...small, annexes: { afterCopy: 2, ownFile: 2 } })).rejects.toThrow(
      /annexes are one per student/,
    );
  });
});
