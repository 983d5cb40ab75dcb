import { describe, expect, it } from 'vitest';
import { openForRender, type RenderedPage } from '../../core/pdf/render-page';
import { generateBatch } from './generate';
import { expectedReading, readHalves } from './read-back';
import type { GeneratedBatch, TruthPage, TruthSide } from './types';

const key = (at: { file: number; source: number }) => `${at.file}:${at.source}`;

/** Sheet index of an A3 side, through its left page. */
const sheetOf = (pages: Map<number, TruthPage>, side: TruthSide) => pages.get(side.left as number)?.sheet;

/**
 * A coarse fingerprint of a rendered side: ink per cell of a 16 × 11 grid (cells of ~26 mm, coarser than
 * the ±1° skew and ±1 mm offset of a rescan move the writing), centred and scaled so that paper tone and
 * exposure do not count.
 */
function fingerprint(image: RenderedPage): number[] {
  const [columns, rows] = [16, 11];
  const cells = new Array<number>(columns * rows).fill(0);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const grey = ((image.data[i] ?? 0) + (image.data[i + 1] ?? 0) + (image.data[i + 2] ?? 0)) / 3;
      const cell = Math.floor((y * rows) / image.height) * columns + Math.floor((x * columns) / image.width);
      cells[cell] = (cells[cell] ?? 0) + 255 - grey;
    }
  }
  const mean = cells.reduce((a, b) => a + b, 0) / cells.length;
  const centred = cells.map((v) => v - mean);
  const norm = Math.hypot(...centred);
  return centred.map((v) => v / norm);
}

/** 1 − correlation of two fingerprints: 0 for the same picture. */
const distance = (a: number[], b: number[]) => 1 - a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);

async function renderAll(batch: GeneratedBatch, dpi: number): Promise<Map<string, RenderedPage>> {
  const images = new Map<string, RenderedPage>();
  for (const [f, file] of batch.files.entries()) {
    const doc = await openForRender(file.bytes);
    for (let i = 0; i < doc.pageCount; i++)
      images.set(key({ file: f + 1, source: i + 1 }), await doc.render(i, dpi));
    await doc.close();
  }
  return images;
}

describe('sheets rescanned after a jam', () => {
  it('right after themselves, at the end of the stack and in a repeat file, each with its own tags', async () => {
    const batch = await generateBatch({
      seed: 32,
      shape: 'jpeg',
      dpi: 40,
      students: 6,
      present: 6,
      sheetsPerStudent: [1, 2],
      files: 2,
      duplicateSheets: { atEnd: 1, rightAfter: 1, repeatFile: 2 },
    });
    const { truth } = batch;
    const pages = new Map(truth.pages.map((p) => [p.id, p]));
    const sideAt = new Map(truth.sides.map((s) => [key(s), s]));
    expect(batch.files.map((f) => f.name)).toEqual(['SKM1.pdf', 'SKM2.pdf', 'SKM3.pdf']);

    // Each rescan shows, half for half, new pages that repeat the first scan's.
    const rescans = truth.sides.filter((s) => s.duplicateOf);
    expect(rescans).toHaveLength(8);
    for (const side of rescans) {
      const first = sideAt.get(key(side.duplicateOf as TruthSide)) as TruthSide;
      expect(first.duplicateOf).toBeUndefined();
      for (const half of ['left', 'right'] as const) {
        const { id, duplicateOf, ...again } = pages.get(side[half] as number) as TruthPage;
        expect(id).not.toBe(first[half]);
        expect(duplicateOf).toBe(first[half]);
        const { id: firstId, ...original } = pages.get(first[half] as number) as TruthPage;
        expect(firstId).toBe(first[half]);
        expect(again).toEqual(original);
      }
    }
    expect(truth.pages.filter((p) => p.duplicateOf !== undefined)).toHaveLength(16);

    // Where they are: one sheet right after itself, one at the end of the pile (SKM1 + SKM2), and a run of
    // two consecutive sheets alone in SKM3.
    const pile = truth.sides.filter((s) => s.file <= 2);
    const isRescan = pile.map((s) => s.duplicateOf !== undefined);
    const rightAfter = pile.findIndex(
      (s, i) =>
        i >= 2 &&
        isRescan[i] &&
        !isRescan[i - 2] &&
        sheetOf(pages, s) === sheetOf(pages, pile[i - 2] as TruthSide),
    );
    expect(rightAfter).toBeGreaterThan(0);
    expect(pile[rightAfter - 1]?.duplicateOf).toBeUndefined();
    expect(isRescan.slice(-2)).toEqual([true, true]);
    expect(isRescan.filter(Boolean)).toHaveLength(4);
    const repeatFile = truth.sides.filter((s) => s.file === 3);
    expect(repeatFile).toHaveLength(4);
    expect(repeatFile.every((s) => s.duplicateOf?.file !== 3)).toBe(true);
    const firstScanSheets = [...new Set(pile.filter((s) => !s.duplicateOf).map((s) => sheetOf(pages, s)))];
    const run = [...new Set(repeatFile.map((s) => sheetOf(pages, s)))];
    expect(run).toHaveLength(2);
    expect(firstScanSheets.indexOf(run[1])).toBe(firstScanSheets.indexOf(run[0]) + 1);

    const readings = await readHalves(batch.files, truth.sides, 40);
    expect(readings.map((r) => ({ upright: r.upright, turned: r.turned }))).toEqual(
      readings.map((r) => expectedReading(r.side, r.half)),
    );
  });

  it('a rescan is a new scan of the same paper: other pixels, yet nearest to its first scan', async () => {
    const batch = await generateBatch({
      seed: 32,
      shape: 'bilevel',
      dpi: 40,
      students: 6,
      present: 6,
      sheetsPerStudent: [1, 2],
      duplicateSheets: { atEnd: 1, rightAfter: 1, repeatFile: 2 },
    });
    const images = await renderAll(batch, 20);
    const prints = new Map([...images].map(([k, image]) => [k, fingerprint(image)]));
    const paperOf = (side: TruthSide) => key(side.duplicateOf ?? side);
    for (const rescan of batch.truth.sides.filter((s) => s.duplicateOf)) {
      const first = key(rescan.duplicateOf as TruthSide);
      const pixels = (at: string) => Buffer.from((images.get(at) as RenderedPage).data);
      expect(pixels(key(rescan)).equals(pixels(first))).toBe(false);
      const own = prints.get(key(rescan)) as number[];
      const others = batch.truth.sides.filter((s) => paperOf(s) !== first);
      const nearestOther = Math.min(...others.map((s) => distance(own, prints.get(key(s)) as number[])));
      expect(distance(own, prints.get(first) as number[])).toBeLessThan(nearestOther / 2);
    }
  });
});
