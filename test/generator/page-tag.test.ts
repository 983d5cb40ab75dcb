import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateBatch } from './generate';
import { pageTagElement, readPageTag, type RgbaImage } from './page-tag';
import { readHalves } from './read-back';
import { renderSide } from './side-raster';
import type { GenerateOptions, GeneratedFile } from './types';

/** A4 paper carrying only a tag, scanned at `dpi` with the given skew, as RGBA. */
async function scannedTag(
  id: number | null,
  dpi: number,
  skew: number,
  turn: 0 | 90 | 180 = 0,
): Promise<RgbaImage> {
  const size = { width: Math.round((210 / 25.4) * dpi), height: Math.round((297 / 25.4) * dpi) };
  const scene = {
    widthMm: 210,
    heightMm: 297,
    pages: [id === null ? [] : [pageTagElement(id)]],
    skew,
    shiftX: 1,
    shiftY: -1,
    seed: dpi * 7 + (id ?? 0),
  };
  const rgb = await renderSide(scene, size, true);
  const { data, info } = await sharp(rgb, { raw: { ...size, channels: 3 } })
    .rotate(turn)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data) };
}

describe('readPageTag on a scanned page', () => {
  it.each([
    [1, 30, -1],
    [2730, 30, 1],
    [4095, 72, 0.7],
    [1234, 300, -0.9],
  ])('reads id %i at %i dpi with %f° of skew', async (id, dpi, skew) => {
    expect(readPageTag(await scannedTag(id, dpi, skew))).toBe(id);
  });

  it('finds nothing on a page without a tag, or on a page not shown upright', async () => {
    expect(readPageTag(await scannedTag(null, 60, 0))).toBeNull();
    expect(readPageTag(await scannedTag(777, 60, 0, 180))).toBeNull();
    expect(readPageTag(await scannedTag(777, 60, 0, 90))).toBeNull();
  });
});

describe('page tags in generated batches', () => {
  const cases: [string, Partial<GenerateOptions>][] = [
    ['jpeg', { shape: 'jpeg' }],
    ['jpeg stored with /Rotate 90', { shape: 'jpeg', rotate: 90 }],
    ['jpeg with an inherited /Rotate 180', { shape: 'jpeg', rotate: 180, inheritRotate: true }],
    ['compact', { shape: 'compact' }],
    ['compact with an inherited /Rotate 270', { shape: 'compact', inheritRotate: true }],
    ['bilevel', { shape: 'bilevel' }],
  ];
  it.each(cases)('%s: every displayed half shows the tag of its truth page', async (_, shape) => {
    const batch = await generateBatch({
      seed: 8,
      shape: 'jpeg',
      dpi: 50,
      students: 2,
      sheetsPerStudent: [1, 2],
      a4Pages: 1,
      files: 2,
      ...shape,
    });
    const reads = await readHalves(batch.files, batch.truth.sides, 40);
    expect(reads.length).toBeGreaterThanOrEqual(9);
    expect(reads.map((r) => r.upright)).toEqual(reads.map((r) => r.side[r.half]));
  });

  it('compact: the tag lives in the ink stencils, not in the background JPEG', async () => {
    const batch = await generateBatch({
      seed: 9,
      shape: 'compact',
      dpi: 50,
      students: 1,
      sheetsPerStudent: [1, 1],
    });
    const file = batch.files[0] as GeneratedFile;
    const recto = batch.truth.sides.filter((s) => s.kind === 'a3').slice(0, 1);
    const keep = async (wanted: (line: string) => boolean) => ({
      name: file.name,
      bytes: await keepContent(file.bytes, 0, wanted),
    });

    const all = await readHalves([file], recto, 40);
    const backgroundOnly = await readHalves([await keep((l) => l.includes('/Bg Do'))], recto, 40);
    const stencilsOnly = await readHalves([await keep((l) => !l.includes('/Bg Do'))], recto, 40);

    expect(all.map((r) => r.upright)).toEqual([recto[0]?.left, recto[0]?.right]);
    expect(backgroundOnly.map((r) => r.upright)).toEqual([null, null]);
    expect(stencilsOnly.map((r) => r.upright)).toEqual([recto[0]?.left, recto[0]?.right]);
  });
});

/** A copy of the PDF whose page keeps only the content lines `wanted` accepts. */
async function keepContent(
  bytes: Uint8Array,
  pageIndex: number,
  wanted: (line: string) => boolean,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(pageIndex);
  const stream = doc.context.lookup(page.node.get(PDFName.of('Contents')));
  if (!(stream instanceof PDFRawStream)) throw new Error('expected one raw content stream');
  const lines = inflateSync(stream.getContents()).toString('latin1').split('\n');
  const kept = lines.filter((line) => line !== '' && wanted(line));
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.length).toBeLessThan(lines.length);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(kept.join('\n'))));
  return doc.save();
}
