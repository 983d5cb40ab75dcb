// The reader's thumbnails: made from the side in memory under the keys the split gives its pages, looking
// like the cache's own rendering of the same key, and never replacing a file already made.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThumbnailKey } from '../../core/api/thumbnail-url';
import type { RenderedPage } from '../../core/pdf/render-page';
import { renderThumbnail, THUMBNAIL_SIZES } from '../../core/thumbnails/render-thumbnail';
import { makeSideThumbnails } from '../../core/thumbnails/side-thumbnails';
import { thumbnailPath } from '../../core/thumbnails/thumbnail-path';

/**
 * An A3 side at 150 dpi: tinted paper (a pure white one hid a thumbnail made too bright and yellow), a black
 * square near the top left corner of its left half, near the bottom left of its right half.
 */
function sideAt150(): RenderedPage {
  const [width, height] = [2480, 1754];
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([214, 218, 232, 255], i);
  for (const [x0, y0] of [
    [100, 100],
    [1340, 1354],
  ] as const)
    for (let y = y0; y < y0 + 300; y++)
      for (let x = x0; x < x0 + 300; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  return { width, height, data };
}

/** The same side as the cache renders it (41 dpi). */
async function sideAt41(side: RenderedPage): Promise<RenderedPage> {
  const { data, info } = await sharp(Buffer.from(side.data.buffer), {
    raw: { width: side.width, height: side.height, channels: 4 },
  })
    .resize({ height: Math.round((side.height * THUMBNAIL_SIZES.small.dpi) / 150) })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data) };
}

/** Grey pixels of a WebP, at a given size. */
const grey = (image: string | Buffer, width: number) =>
  sharp(image).resize({ width, height: 240, fit: 'fill' }).greyscale().raw().toBuffer();

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('thumbnails made by the reader', () => {
  let dir: string;
  let side: RenderedPage;
  const sha256 = 'c'.repeat(64);
  const key = (page: number, half: ThumbnailKey['half'], rotate: ThumbnailKey['rotate']) => ({
    sha256,
    page,
    half,
    rotate,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'korrigo-side-thumbs-'));
    side = sideAt150();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('makes both halves upright, turned for a side fed upside down, and both ways when the way is unknown', async () => {
    await makeSideThumbnails(side, 'a3', false, { dataDir: dir, sha256, page: 1 });
    await makeSideThumbnails(side, 'a3', true, { dataDir: dir, sha256, page: 2 });
    await makeSideThumbnails(side, 'a3', null, { dataDir: dir, sha256, page: 3 });
    const made = async (page: number) => {
      const all = (['left', 'right'] as const).flatMap((half) =>
        ([0, 90, 180, 270] as const).map((rotate) => key(page, half, rotate)),
      );
      const found = await Promise.all(all.map((one) => exists(thumbnailPath(dir, one))));
      return all.filter((_, i) => found[i]).map((one) => `${one.half}-${one.rotate}`);
    };
    expect(await made(1)).toEqual(['left-0', 'right-0']);
    expect(await made(2)).toEqual(['left-180', 'right-180']);
    expect(await made(3)).toEqual(['left-0', 'left-180', 'right-0', 'right-180']);
    const meta = await sharp(thumbnailPath(dir, key(1, 'left', 0))).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.height).toBe(240);
    expect(meta.width! / meta.height!).toBeCloseTo(210 / 297, 1);
  });

  it('looks like the thumbnail the cache makes of the same key', async () => {
    const cached = await sideAt41(side);
    for (const [page, half, rotate] of [
      [1, 'left', 0],
      [1, 'right', 0],
      [2, 'left', 180],
    ] as const) {
      const ours = await grey(thumbnailPath(dir, key(page, half, rotate)), 170);
      const theirs = await grey(await renderThumbnail(cached, half, rotate), 170);
      let difference = 0;
      for (let i = 0; i < ours.length; i++) difference += Math.abs(ours[i]! - theirs[i]!);
      // Same picture, the square in the same corner; only the filters' edges differ.
      expect(difference / ours.length).toBeLessThan(5);
      // The square near the top left of the left half, turned with the page.
      if (half === 'left') expect(ours[rotate === 0 ? 40 * 170 + 30 : 200 * 170 + 140]).toBeLessThan(60);
    }
  });

  it('leaves a thumbnail already on disk as it is', async () => {
    const path = thumbnailPath(dir, key(4, 'right', 0));
    await makeSideThumbnails(side, 'a3', false, { dataDir: dir, sha256, page: 4 });
    await writeFile(path, 'kept');
    await makeSideThumbnails(side, 'a3', false, { dataDir: dir, sha256, page: 4 });
    expect((await stat(path)).size).toBe(4);
  });

  it('makes an A4 page whole', async () => {
    const page: RenderedPage = { width: 1240, height: 1754, data: side.data.slice(0, 1240 * 1754 * 4) };
    await makeSideThumbnails(page, 'a4', false, { dataDir: dir, sha256, page: 5 });
    expect((await sharp(thumbnailPath(dir, key(5, 'full', 0))).metadata()).height).toBe(240);
    expect(await exists(thumbnailPath(dir, key(5, 'full', 180)))).toBe(false);
  });

  it("makes each page's page-box band: the bottom of the page as shown, as the cache cuts it from a large page", async () => {
    // Pages 1 (upright) and 2 (fed upside down) were made by the first test.
    const band = THUMBNAIL_SIZES.band.height;
    const pixels = async (image: string | Buffer) => {
      const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    };
    const at = (image: { data: Buffer; width: number }, x: number, y: number) =>
      image.data[y * image.width + x]!;
    for (const [page, half, rotate] of [
      [1, 'right', 0],
      [1, 'left', 0],
      [2, 'left', 180],
    ] as const) {
      const ours = await pixels(thumbnailPath(dir, { ...key(page, half, rotate), size: 'band' }));
      const theirs = await pixels(await renderThumbnail(side, half, rotate, 'band'));
      expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
      // A whole half's width at the large size's scale: 1240 px at 150 dpi shown 1400 / 1754.
      expect(ours.height).toBe(band);
      expect(ours.width).toBe(Math.round((1240 * band) / 263));
      let difference = 0;
      for (let i = 0; i < ours.data.length; i++) difference += Math.abs(ours.data[i]! - theirs.data[i]!);
      expect(difference / ours.data.length).toBeLessThan(5);
    }
    const scale = band / 263;
    // The right half's square reaches into its bottom (rows 1354–1653 of 1754, x 100–399).
    const right = await pixels(thumbnailPath(dir, { ...key(1, 'right', 0), size: 'band' }));
    expect(at(right, Math.round(250 * scale), Math.round(60 * scale))).toBeLessThan(60);
    expect(at(right, Math.round(800 * scale), Math.round(60 * scale))).toBeGreaterThan(150);
    // The left half's is near its top: upright its band is paper; turned 180° the band is its top, turned.
    const left = await pixels(thumbnailPath(dir, { ...key(1, 'left', 0), size: 'band' }));
    expect(left.data.reduce((low, value) => Math.min(low, value), 255)).toBeGreaterThan(150);
    const turned = await pixels(thumbnailPath(dir, { ...key(2, 'left', 180), size: 'band' }));
    expect(at(turned, Math.round((1240 - 250) * scale), Math.round((262 - 200) * scale))).toBeLessThan(60);
    // A page turned a quarter (by the operator; the cache makes it): its band is the half's right side.
    const quarter = await pixels(await renderThumbnail(side, 'left', 90, 'band'));
    expect(quarter.height).toBe(band);
    expect(quarter.width / quarter.height).toBeCloseTo(1754 / 186, 0);
  });
});
