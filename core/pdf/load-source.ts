// Opens one scanner PDF and refuses, with a message naming the file and the problem, anything that
// could make pages go missing later: the pipeline promises zero page loss, so a damaged file is an
// error the operator must see, not something to work around.
import type { PDFDocument } from 'pdf-lib';
import { KorrigoError } from '../errors';
import { sha256 } from '../sha256';
import { INPUT_PROBLEM_WORDS, InputFileError, readInputFile } from '../files/read-input-file';
import { findTruncation, hasPdfHeader, mentionsEncryption } from './file-markers';
import { findPageProblem } from './page-content-check';
import { checkPageTree } from './page-tree-check';
import { parsePdfQuietly } from './parse-pdf';

/** Far above a real exam day (a few hundred sides) yet bounded: every page is held in memory. */
export const MAX_PAGES = 5000;
/** As much as one upload may carry: far above a day of scans, and bounded, since the file is read whole. */
export const MAX_SOURCE_BYTES = 1024 ** 3;

export interface LoadedSource {
  /** The path as given, used in messages. */
  path: string;
  bytes: Uint8Array;
  sha256: string;
  doc: PDFDocument;
  pageCount: number;
}

const RESCAN_HINT = 'export or scan the file again';

export async function loadSource(path: string): Promise<LoadedSource> {
  const bytes = await readSourceBytes(path);
  if (bytes.length === 0) throw new KorrigoError('not-a-pdf', `${path}: the file is empty (0 bytes)`);
  if (!hasPdfHeader(bytes)) throw new KorrigoError('not-a-pdf', `${path}: not a PDF file (no %PDF- header)`);

  const truncation = findTruncation(bytes);
  if (truncation) {
    throw new KorrigoError('pdf-corrupt', `${path}: the file is truncated or damaged: ${truncation}`, {
      hint: 'it was probably copied or transferred incompletely; copy it again from the scanner',
    });
  }
  const doc = await parse(path, bytes);
  if (doc.isEncrypted) throw encryptedError(path);
  const pageCount = checkStructure(path, doc);
  return { path, bytes, sha256: sha256(bytes), doc, pageCount };
}

/** The page count, once every page is known to be readable. */
function checkStructure(path: string, doc: PDFDocument): number {
  try {
    const tree = checkPageTree(doc);
    if (!tree.ok) {
      if (tree.page !== undefined) throw pageError(path, tree.page, tree.problem);
      throw new KorrigoError('pdf-corrupt', `${path}: the file is damaged: ${tree.problem}`, {
        hint: RESCAN_HINT,
      });
    }
    if (tree.pages === 0) throw new KorrigoError('pdf-empty', `${path}: the file has no pages`);
    if (tree.pages > MAX_PAGES) throw tooManyPagesError(path, tree.pages);
    doc.getPages().forEach((page, index) => {
      const problem = findPageProblem(page.node);
      if (problem) throw pageError(path, index + 1, problem);
    });
    return tree.pages;
  } catch (error) {
    if (error instanceof KorrigoError) throw error;
    // pdf-lib throws on objects of the wrong type (a /Parent that is a number, a looping tree...).
    throw new KorrigoError('pdf-corrupt', `${path}: the file is damaged: its structure is invalid`, {
      hint: RESCAN_HINT,
      cause: error,
    });
  }
}

function pageError(path: string, page: number, problem: string): KorrigoError {
  return new KorrigoError('page-unreadable', `${path}: page ${page} cannot be read: ${problem}`, {
    hint: RESCAN_HINT,
  });
}

export function tooManyPagesError(what: string, pages: number): KorrigoError {
  return new KorrigoError(
    'pdf-too-many-pages',
    `${what}: ${pages} pages, more than the ${MAX_PAGES} one batch can hold`,
    {
      hint: 'process the scans in several smaller batches',
    },
  );
}

async function readSourceBytes(path: string): Promise<Uint8Array> {
  try {
    // Shared: the reading workers render from these very bytes (a scan is up to hundreds of megabytes).
    return await readInputFile(path, MAX_SOURCE_BYTES, { shared: true });
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    switch (error.problem) {
      case 'missing':
        throw new KorrigoError('file-not-found', `${path}: file not found`);
      case 'folder':
        throw new KorrigoError('file-unreadable', `${path}: is a folder, not a PDF file`);
      case 'special':
        throw new KorrigoError('file-unreadable', `${path}: ${INPUT_PROBLEM_WORDS.special}, not a PDF file`);
      case 'too-large':
        throw new KorrigoError(
          'file-unreadable',
          `${path}: ${Math.round(error.size / 1024 ** 2)} MB, more than the ${MAX_SOURCE_BYTES / 1024 ** 3} GB one scan file may hold`,
          { hint: 'split the scan into several files' },
        );
      default:
        throw new KorrigoError('file-unreadable', `${path}: cannot be read: ${error.reason}`, {
          cause: error,
        });
    }
  }
}

async function parse(path: string, bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await parsePdfQuietly(bytes);
  } catch (error) {
    // Encrypted objects look like garbage to the parser: name the real cause.
    if (mentionsEncryption(bytes)) throw encryptedError(path);
    throw new KorrigoError('pdf-corrupt', `${path}: the file is damaged and cannot be parsed`, {
      hint: RESCAN_HINT,
      cause: error,
    });
  }
}

function encryptedError(path: string): KorrigoError {
  return new KorrigoError('pdf-encrypted', `${path}: the file is encrypted (password-protected)`, {
    hint: 'save or scan it again without a password or protection',
  });
}
