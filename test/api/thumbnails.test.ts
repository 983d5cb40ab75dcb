// Page thumbnails through the API and the loopback server: made on demand, cached by what makes them,
// made again when the cache lost them; and the manifest's reasons doubled as codes.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchDetail, CopyReading } from '../../core/api/contract';
import { createStation } from '../../core/station/station';
import type { Station } from '../../core/station/station';
import { startHttpServer } from '../../core/server/http-server';
import type { RunningServer } from '../../core/server/http-server';
import { createThumbnails } from '../../core/thumbnails/thumbnail-cache';
import { createMaker } from '../../core/thumbnails/thumbnail-maker';
import { thumbnailPath } from '../../core/thumbnails/thumbnail-path';
import { writeSampleBatch } from '../e2e/sample-batch';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('page thumbnails', () => {
  let root: string;
  let station: Station;
  let server: RunningServer;
  let batch: BatchDetail;
  /** For each page of the batch, in copy order: its thumbnail was on disk when processing returned. */
  let madeWhenProcessed: boolean[];
  /** The same for each page's page-box band. */
  let bandsWhenProcessed: boolean[];
  /** The same, made by the cache (its renderings keep an alpha channel, the reader's have none). */
  let cachedWhenProcessed: boolean[];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'korrigo-thumbs-'));
    const sample = await writeSampleBatch(root);
    // As the shells run it: the reading leaves each page's thumbnail, the rest is made ahead or on demand.
    station = createStation({ dataDir: join(root, 'data'), log: () => undefined, prefetchThumbnails: true });
    server = await startHttpServer({ station });
    const reply = await station.dispatch('batches.process', {
      scans: [sample.scans.skm1, sample.scans.skm2],
      roster: sample.roster,
    });
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    batch = reply.result as BatchDetail;
    const pages = batch.manifest.copies.flatMap((copy, i) => copy.pages.map((_, k) => keyOf(i, k)));
    madeWhenProcessed = await Promise.all(pages.map((key) => exists(thumbnailPath(station.dataDir, key))));
    bandsWhenProcessed = await Promise.all(
      pages.map((key) => exists(thumbnailPath(station.dataDir, { ...key, size: 'band' }))),
    );
    cachedWhenProcessed = await Promise.all(
      pages.map(async (key) =>
        (await exists(thumbnailPath(station.dataDir, key)))
          ? (await sharp(thumbnailPath(station.dataDir, key)).metadata()).hasAlpha
          : false,
      ),
    );
  });

  afterAll(async () => {
    await server?.close();
    station?.close();
    await rm(root, { recursive: true, force: true });
  });

  const keyOf = (copy: number, page: number) => {
    const shown = batch.manifest.copies[copy]!.pages[page]!;
    const sha256 = batch.manifest.sources[shown.file - 1]!.sha256;
    return { sha256, page: shown.source, half: shown.half, rotate: shown.rotate };
  };

  it("finds every page's thumbnail made by the reading when processing returns", () => {
    expect(madeWhenProcessed.length).toBeGreaterThanOrEqual(8);
    expect(madeWhenProcessed.every(Boolean)).toBe(true);
    expect(bandsWhenProcessed).toEqual(madeWhenProcessed);
    expect(cachedWhenProcessed.filter(Boolean).length).toBeLessThan(madeWhenProcessed.length / 2);
  });

  it('makes a WebP 240 px high of a page half, cached under the key', async () => {
    const key = keyOf(0, 0);
    const reply = await station.dispatch('pages.thumbnail', key);
    expect(reply).toEqual({
      ok: true,
      result: { url: `/files/thumbs/${key.sha256}/${key.page}-${key.half}-0.webp` },
    });
    const meta = await sharp(thumbnailPath(station.dataDir, key)).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.height).toBe(240);
    // A half of an A3 landscape side is an A4 portrait page.
    expect(meta.width! / meta.height!).toBeCloseTo(210 / 297, 1);
  });

  it('turns the thumbnail with the page', async () => {
    const key = { ...keyOf(0, 1), rotate: 90 as const };
    await station.dispatch('pages.thumbnail', key);
    const meta = await sharp(thumbnailPath(station.dataDir, key)).metadata();
    expect(meta.height).toBe(240);
    expect(meta.width! / meta.height!).toBeCloseTo(297 / 210, 1);
  });

  it('makes what a screen asks for before what is made ahead, and drops what is ahead when told', async () => {
    const dataDir = join(root, 'queue');
    const scans = join(station.dataDir, 'scans');
    const thumbnails = createThumbnails(dataDir, scans, createMaker(scans));
    const ahead = [0, 1, 2, 3].map((page) => ({ ...keyOf(1, page), rotate: 180 as const }));
    const made = async () =>
      (await Promise.all(ahead.map((key) => exists(thumbnailPath(dataDir, key))))).filter(Boolean).length;
    for (const key of ahead) thumbnails.prefetch(key);
    await thumbnails.file(keyOf(0, 0));
    // One made ahead may have been under way; the rest wait behind the screen's request.
    expect(await made()).toBeLessThan(ahead.length);
    thumbnails.dropAhead();
    await thumbnails.file(keyOf(0, 1));
    const dropped = ahead.length - (await made());
    expect(dropped).toBeGreaterThan(0);
    // A dropped one is made when a screen asks for it.
    await thumbnails.file(ahead[3]!);
    expect(await exists(thumbnailPath(dataDir, ahead[3]!))).toBe(true);
    await thumbnails.close();
  });

  it("makes a screen's small thumbnails before its large ones", async () => {
    const dataDir = join(root, 'small-first');
    const scans = join(station.dataDir, 'scans');
    const thumbnails = createThumbnails(dataDir, scans, createMaker(scans));
    const large = [0, 1, 2].map((page) => ({ ...keyOf(0, page), size: 'large' as const }));
    const made = (key: (typeof large)[number] | ReturnType<typeof keyOf>) =>
      exists(thumbnailPath(dataDir, key));
    // The first large one starts at once; the small one, asked before the others, still goes before them.
    const first = thumbnails.file(large[0]!);
    const small = thumbnails.file(keyOf(1, 3));
    const asked = [first, ...large.slice(1).map((key) => thumbnails.file(key))];
    await small;
    expect((await Promise.all(large.map(made))).filter(Boolean).length).toBeLessThanOrEqual(1);
    await Promise.all(asked);
    await thumbnails.close();
  });

  it('does not make what every screen that asked for it withdrew before it was made', async () => {
    const dataDir = join(root, 'withdrawn');
    const scans = join(station.dataDir, 'scans');
    const thumbnails = createThumbnails(dataDir, scans, createMaker(scans));
    const [first, gone, shared, last] = [0, 1, 2, 3].map((page) => ({
      ...keyOf(1, page),
      rotate: 270 as const,
    }));
    const asked = [first, gone, shared, shared, last].map((key) =>
      thumbnails.file(key!).then(
        (path) => ({ path }),
        (error: { code?: string }) => ({ error: error.code }),
      ),
    );
    // Withdrawn while the disk is still looked at: never queued.
    expect(thumbnails.withdraw(gone!)).toBe(true);
    // Another screen still waits for it: made.
    expect(thumbnails.withdraw(shared!)).toBe(false);
    expect(thumbnails.withdraw({ ...first!, rotate: 90 })).toBe(false);
    const settled = await Promise.all(asked);
    expect(settled.map((one) => ('error' in one ? one.error : 'made'))).toEqual([
      'made',
      'withdrawn',
      'made',
      'made',
      'made',
    ]);
    expect(await exists(thumbnailPath(dataDir, gone!))).toBe(false);
    // Asked again later, it is made.
    await thumbnails.file(gone!);
    expect(await exists(thumbnailPath(dataDir, gone!))).toBe(true);
    await thumbnails.close();
  });

  it('drops the thumbnail request a browser abandoned, queued behind others, and makes the others', async () => {
    const dataDir = station.dataDir;
    // Made one at a time: two large renderings keep the maker busy while the third is asked and abandoned.
    const busy = [2, 3].map((page) => ({ ...keyOf(0, page), size: 'large' as const, rotate: 90 as const }));
    const making = busy.map((key) => station.dispatch('pages.thumbnail', key));
    const abandoned = { ...keyOf(0, 0), rotate: 270 as const };
    const abort = new AbortController();
    const url = `${server.origin}/files/thumbs/${abandoned.sha256}/${abandoned.page}-${abandoned.half}-270.webp`;
    const call = fetch(url, {
      headers: { authorization: `Bearer ${server.token}` },
      signal: abort.signal,
    }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    abort.abort();
    await call;
    expect((await Promise.all(making)).every((reply) => reply.ok)).toBe(true);
    // Anything still queued has had time to run.
    await station.dispatch('pages.thumbnail', { ...keyOf(0, 1), rotate: 270 });
    expect(await exists(thumbnailPath(dataDir, abandoned))).toBe(false);
  });

  it('is served with cache headers, and made again when the cache lost it', async () => {
    const key = keyOf(1, 2);
    const path = thumbnailPath(station.dataDir, key);
    await rm(path, { force: true });
    const url = `${server.origin}/files/thumbs/${key.sha256}/${key.page}-${key.half}-${key.rotate}.webp`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).height).toBe(240);
    expect((await stat(path)).isFile()).toBe(true);
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(403);
  });

  it('makes a large rendering (1400 px high) for a page looked at, under its own name', async () => {
    const key = { ...keyOf(0, 0), size: 'large' as const };
    const reply = await station.dispatch('pages.thumbnail', key);
    expect(reply).toEqual({
      ok: true,
      result: { url: `/files/thumbs/${key.sha256}/${key.page}-${key.half}-0-large.webp` },
    });
    const meta = await sharp(thumbnailPath(station.dataDir, key)).metadata();
    expect(meta.height).toBe(1400);
    expect(meta.width! / meta.height!).toBeCloseTo(210 / 297, 1);
  });

  it("serves a page's page-box band (its bottom at the large size's scale) under its own name", async () => {
    const key = keyOf(0, 1);
    const url = `${server.origin}/files/thumbs/${key.sha256}/${key.page}-${key.half}-${key.rotate}-band.webp`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${server.token}` } });
    expect(response.status).toBe(200);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(meta.height).toBe(210);
    // The width of the page at 1400 px high for 15 % of its height.
    expect(meta.width! / meta.height!).toBeCloseTo(210 / 297 / 0.15, 0);
  });

  it("gives a copy's reading, with what the finders missed on each side", async () => {
    const copy = batch.manifest.copies[0]!;
    const reply = await station.dispatch('copies.reading', { batchId: batch.batchId, copyId: copy.id });
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    const reading = reply.result as CopyReading;
    expect(reading.pages).toHaveLength(copy.pages.length);
    expect(reading.pages.every((page) => page.role !== 'unread')).toBe(true);
    // These sheets carry printed labels, no boxes: the finders say so (the header, the page box of each
    // half), once per side, on the copy's first page from each side (P1 from the recto, P2 from the verso).
    expect(reading.header).toBeNull();
    expect(reading.pages.map((page) => page.missing.map((miss) => `${miss.field}:${miss.code}`))).toEqual([
      ['header:no-boxes', 'pageBox:no-boxes', 'pageBox:no-boxes'],
      ['header:no-boxes', 'pageBox:no-boxes', 'pageBox:no-boxes'],
      [],
      [],
    ]);
    const missing = await station.dispatch('copies.reading', { batchId: batch.batchId, copyId: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'copy-not-found' } });
  });

  it('refuses a scan the station does not hold and a page it does not have', async () => {
    const unknown = await station.dispatch('pages.thumbnail', { ...keyOf(0, 0), sha256: 'a'.repeat(64) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'file-not-found' } });
    const beyond = await station.dispatch('pages.thumbnail', { ...keyOf(0, 0), page: 99 });
    expect(beyond).toMatchObject({ ok: false, error: { code: 'file-not-found' } });
    const bad = await station.dispatch('pages.thumbnail', { ...keyOf(0, 0), rotate: 45 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });

  it('gives every reason of the manifest its code, one for one', () => {
    for (const copy of batch.manifest.copies) {
      expect(copy.reasonCodes).toHaveLength(copy.reasons.length);
      for (const note of copy.reasonCodes!) expect(note.code).not.toBe('other');
    }
    expect(batch.manifest.copies.some((copy) => copy.reasonCodes!.length > 0)).toBe(true);
    expect(batch.manifest.warningCodes).toHaveLength(batch.manifest.warnings.length);
  });
});
