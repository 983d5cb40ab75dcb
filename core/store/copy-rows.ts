// The copies as they are now. Rewritten whole with each decision (a batch holds a few hundred pages at
// most), inside the transaction that appends the decision, so the log and the copies never disagree.
import type Database from 'better-sqlite3';
import type { CopyStatus, Half, ManifestCopy } from '../manifest';

export function writeCopies(db: Database.Database, batchId: string, copies: readonly ManifestCopy[]): void {
  db.prepare('DELETE FROM copies WHERE batch_id = ?').run(batchId);
  const insertCopy = db.prepare(
    `INSERT INTO copies (batch_id, id, ordinal, status, student, confidence, reasons, candidates, page_order_checked)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPage = db.prepare(
    `INSERT INTO copy_pages (batch_id, copy_id, ordinal, file, source, half, rotate, blank, kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  copies.forEach((copy, ordinal) => {
    insertCopy.run(
      batchId,
      copy.id,
      ordinal,
      copy.status,
      copy.student === null ? null : JSON.stringify(copy.student),
      copy.confidence,
      JSON.stringify(copy.reasons),
      JSON.stringify(copy.candidates),
      copy.pageOrderChecked ? 1 : 0,
    );
    copy.pages.forEach((page, index) => {
      insertPage.run(
        batchId,
        copy.id,
        index,
        page.file,
        page.source,
        page.half,
        page.rotate,
        page.blank ? 1 : 0,
        page.kind ?? null,
      );
    });
  });
}

interface RawCopy {
  id: string;
  status: CopyStatus;
  student: string | null;
  confidence: number;
  reasons: string;
  candidates: string;
  page_order_checked: 0 | 1;
}

interface RawCopyPage {
  copy_id: string;
  file: number;
  source: number;
  half: Half;
  rotate: 0 | 90 | 180 | 270;
  blank: 0 | 1;
  kind: 'sheet' | 'annex' | null;
}

export function readCopies(db: Database.Database, batchId: string): ManifestCopy[] {
  const pages = db
    .prepare(
      `SELECT copy_id, file, source, half, rotate, blank, kind FROM copy_pages WHERE batch_id = ? ORDER BY copy_id, ordinal`,
    )
    .all(batchId) as RawCopyPage[];
  const pagesOf = new Map<string, RawCopyPage[]>();
  for (const page of pages) {
    const list = pagesOf.get(page.copy_id) ?? [];
    list.push(page);
    pagesOf.set(page.copy_id, list);
  }
  const copies = db
    .prepare(
      'SELECT id, status, student, confidence, reasons, candidates, page_order_checked FROM copies WHERE batch_id = ? ORDER BY ordinal',
    )
    .all(batchId) as RawCopy[];
  return copies.map((copy) => ({
    id: copy.id,
    status: copy.status,
    student: copy.student === null ? null : (JSON.parse(copy.student) as ManifestCopy['student']),
    confidence: copy.confidence,
    reasons: JSON.parse(copy.reasons) as string[],
    candidates: JSON.parse(copy.candidates) as ManifestCopy['candidates'],
    pages: (pagesOf.get(copy.id) ?? []).map((page) => ({
      file: page.file,
      source: page.source,
      half: page.half,
      rotate: page.rotate,
      blank: page.blank === 1,
      // Absent stays absent: the manifest written from the store is the one `process` writes.
      ...(page.kind === null ? {} : { kind: page.kind }),
    })),
    file: `copies/${copy.id}.pdf`,
    // Absent unless checked, as the pipeline writes it.
    ...(copy.page_order_checked === 1 ? { pageOrderChecked: true as const } : {}),
  }));
}
