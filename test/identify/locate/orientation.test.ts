// Sheets fed upside down told from upright ones by where each page shows its page box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectUpsideDown } from '../../../core/identify/locate/orientation';
import { rotate180 } from '../../../core/identify/locate/rotate';
import type { PdfShape } from '../../generator/types';
import { scanBatch, type ScannedBatch } from './scanned-pages';

const DPI = 150;
const SHAPES: PdfShape[] = ['compact', 'bilevel'];

describe.each(SHAPES)('detectUpsideDown on %s scans', (shape) => {
  let batch: ScannedBatch;
  beforeAll(async () => {
    batch = await scanBatch({
      seed: 4,
      shape,
      dpi: DPI,
      students: 2,
      present: 2,
      sheetsPerStudent: [1, 2],
      upsideDown: 1,
      annexes: { inStack: 1 },
    });
  });
  afterAll(() => batch.close());

  it('tells every exam page fed upside down, and has no answer for an annex', async () => {
    expect(batch.pages.some((page) => page.side.upsideDown)).toBe(true);
    for (const page of batch.pages) {
      const expected = page.sheet === null ? null : page.side.upsideDown === true;
      expect(detectUpsideDown(await page.render(DPI), DPI), `page ${page.truth.id}`).toBe(expected);
    }
  });
});

describe('rotate180', () => {
  it('turns an image half round, pixel for pixel', () => {
    // 3 × 2 pixels numbered 1..6 in their red channel.
    const data = new Uint8ClampedArray(24);
    for (let i = 0; i < 6; i++) data.set([i + 1, 0, 0, 255], i * 4);
    const turned = rotate180({ width: 3, height: 2, data });
    expect([turned.width, turned.height]).toEqual([3, 2]);
    expect(Array.from({ length: 6 }, (_, i) => turned.data[i * 4])).toEqual([6, 5, 4, 3, 2, 1]);
    expect(rotate180(turned).data).toEqual(data);
  });
});
