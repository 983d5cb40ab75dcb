// A grey scan's side (bilevel here) is read from its grey, one byte a pixel, with no RGBA made of it: the
// reading must be exactly the one of its RGBA, on sides fed upright and upside down, rectos and versos,
// blank pages among them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_DPI } from '../../core/identify/read-sides';
import { readSide } from '../../core/identify/read-side';
import { createRecognizer } from '../../core/identify/recognize/create-recognizer';
import type { Recognizer } from '../../core/identify/recognize/recognizer';
import { readPageGeometry } from '../../core/pdf/page-geometry';
import { decodePageImage, decodePagePixels, wholePageImage } from '../../core/pdf/page-image';
import { parsePdfQuietly } from '../../core/pdf/parse-pdf';
import { generateBatch } from '../generator/generate';
import type { GeneratedBatch } from '../generator/types';

describe('readSide on a grey side', () => {
  let batch: GeneratedBatch;
  let recognizer: Recognizer;

  beforeAll(async () => {
    batch = await generateBatch({
      seed: 41,
      shape: 'bilevel',
      dpi: 200,
      students: 3,
      present: 3,
      sheetsPerStudent: [1, 2],
      upsideDown: 1,
      versoFirst: 1,
    });
    recognizer = await createRecognizer();
  }, 120_000);
  afterAll(async () => recognizer?.close());

  it('reads exactly what it reads from the RGBA of the same side', async () => {
    const doc = await parsePdfQuietly(batch.files[0]!.bytes);
    const sides = batch.truth.sides.filter((side) => side.kind === 'a3');
    expect(sides.some((side) => side.upsideDown)).toBe(true);
    let blanks = 0;
    for (const side of sides) {
      const node = doc.getPage(side.source - 1).node;
      const image = wholePageImage(node, readPageGeometry(node))!;
      const grey = await decodePagePixels(image, READ_DPI);
      expect(grey.data).toHaveLength(grey.width * grey.height);
      const fromRgba = await readSide(await decodePageImage(image, READ_DPI), READ_DPI, recognizer);
      expect(await readSide(grey, READ_DPI, recognizer)).toEqual(fromRgba);
      blanks += fromRgba.blank.filter(Boolean).length;
    }
    expect(blanks, 'blank pages among the sides read').toBeGreaterThan(0);
  }, 120_000);
});
