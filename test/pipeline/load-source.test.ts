import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KorrigoError } from '../../core/errors';
import type { ErrorCode } from '../../core/errors';
import { MAX_PAGES, loadSource } from '../../core/pdf/load-source';
import {
  encryptedPdf,
  objectOffsets,
  overwritten,
  pdfWithPages,
  truncated,
  withoutPageObject,
} from './corrupt-pdfs';
import { buildScanPdf, noiseJpeg, sheetSides } from './fixtures';
import { useTempDir } from './temp-dir';

const tempDir = useTempDir();

async function write(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(tempDir(), name);
  await writeFile(path, bytes);
  return path;
}

/** The KorrigoError loading `path` throws (the test fails if it loads). */
async function loadError(path: string): Promise<KorrigoError> {
  const error = await loadSource(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KorrigoError);
  return error as KorrigoError;
}

async function expectRefused(path: string, code: ErrorCode, message: RegExp): Promise<void> {
  const error = await loadError(path);
  expect(error.code).toBe(code);
  expect(error.exitCode).toBe(2);
  expect(error.message.startsWith(`${path}: `)).toBe(true);
  expect(error.message).toMatch(message);
}

const scan = async () => {
  const jpeg = await noiseJpeg(40, 28);
  return buildScanPdf([
    ...sheetSides(1, { rotate: 270, raster: { jpeg, masks: 3 } }),
    { kind: 'a4', labels: ['A4'] },
  ]);
};

describe('loadSource', () => {
  it('opens a scan: bytes, sha256 and page count', async () => {
    const { bytes } = await scan();
    const source = await loadSource(await write('SKM1.pdf', bytes));
    expect(source.pageCount).toBe(3);
    expect(source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // The reading workers are given these very bytes, not a copy each.
    expect(source.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(source.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a missing file, a folder, an empty file and a file that is not a PDF', async () => {
    await expectRefused(join(tempDir(), 'SKM9.pdf'), 'file-not-found', /file not found/);
    await mkdir(join(tempDir(), 'folder.pdf'));
    await expectRefused(join(tempDir(), 'folder.pdf'), 'file-unreadable', /is a folder/);
    await expectRefused(await write('empty.pdf', ''), 'not-a-pdf', /empty/);
    await expectRefused(await write('notes.pdf', 'Nom;Prénom\nDUPONT;Marie\n'), 'not-a-pdf', /not a PDF/);
  });

  it('refuses a file cut short, wherever the cut is', async () => {
    const { bytes } = await scan();
    for (const fraction of [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 0.995]) {
      await expectRefused(
        await write(`cut-${fraction}.pdf`, truncated(bytes, fraction)),
        'pdf-corrupt',
        /truncated/,
      );
    }
  });

  it('refuses a file written with object streams and cut short', async () => {
    const { bytes } = await buildScanPdf(sheetSides(2), { objectStreams: true });
    await expectRefused(await write('cut.pdf', truncated(bytes, 0.9)), 'pdf-corrupt', /truncated/);
  });

  it('names the page whose object is missing, although pdf-lib would load the file without it', async () => {
    const { bytes } = await scan();
    const path = await write('hole.pdf', await withoutPageObject(bytes, 1));
    await expectRefused(path, 'page-unreadable', /page 2 cannot be read: its page object is missing/);
  });

  it('never loads a file with a garbled object while losing a page', async () => {
    const { bytes } = await scan();
    for (const [number, offset] of objectOffsets(bytes)) {
      const error = await loadError(
        await write(`garbled-${number}.pdf`, overwritten(bytes, offset, '#garbage#')),
      );
      expect(['pdf-corrupt', 'page-unreadable']).toContain(error.code);
    }
  });

  it('finds a content stream whose compressed data is damaged', async () => {
    const { bytes } = await buildScanPdf([{ kind: 'a4', labels: ['A4 page with a long enough label'] }]);
    const text = Buffer.from(bytes).toString('latin1');
    const content = text.indexOf('stream', text.indexOf('/FlateDecode')) + 'stream\n'.length;
    const path = await write('damaged.pdf', overwritten(bytes, content + 4, '\xff\xff\xff\xff\xff\xff'));
    await expectRefused(path, 'page-unreadable', /page 1 cannot be read: its content stream is damaged/);
  });

  it('refuses an encrypted file', async () => {
    await expectRefused(await write('protected.pdf', await encryptedPdf()), 'pdf-encrypted', /encrypted/);
  });

  it('refuses a file without pages', async () => {
    await expectRefused(await write('blank.pdf', await pdfWithPages(0)), 'pdf-empty', /no pages/);
  });

  it(`accepts ${MAX_PAGES} pages and refuses one more`, async () => {
    expect(MAX_PAGES).toBeGreaterThanOrEqual(2000);
    const accepted = await loadSource(await write('max.pdf', await pdfWithPages(MAX_PAGES)));
    expect(accepted.pageCount).toBe(MAX_PAGES);
    const path = await write('huge.pdf', await pdfWithPages(MAX_PAGES + 1));
    await expectRefused(
      path,
      'pdf-too-many-pages',
      new RegExp(`${MAX_PAGES + 1} pages, more than the ${MAX_PAGES}`),
    );
  });
});
