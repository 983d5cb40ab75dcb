// The stack as classified, its sheets and the planned copies: written together, once, when a batch is
// planned. This commit is the checkpoint of the planning stage.
import type Database from 'better-sqlite3';
import type { ManifestCopy, ManifestRescan } from '../manifest';
import type { PageGeometry, PageLayout } from '../pdf/page-geometry';
import type { StackUnit } from '../pipeline/sheets';
import type { StackPage } from '../pipeline/stack';
import { writeCopies } from './copy-rows';
import { writeRescans } from './rescan-rows';

export interface BatchPlan {
  stack: readonly StackPage[];
  units: readonly StackUnit<StackPage>[];
  copies: readonly ManifestCopy[];
  rescans: readonly ManifestRescan[];
  warnings: readonly string[];
}

export function savePlan(db: Database.Database, batchId: string, plan: BatchPlan, at: string): void {
  const insertPage = db.prepare(
    `INSERT INTO pages (batch_id, file, source, position, layout, geometry, unusual) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const page of plan.stack) {
    insertPage.run(
      batchId,
      page.file,
      page.source,
      page.position,
      page.layout,
      JSON.stringify(page.geometry),
      page.unusual ?? null,
    );
  }
  const insertSheet = db.prepare(
    'INSERT INTO sheets (batch_id, number, kind, first_position, second_position) VALUES (?, ?, ?, ?, ?)',
  );
  plan.units.forEach((unit, index) => {
    const [first, second] =
      unit.kind === 'sheet'
        ? [unit.recto, unit.verso]
        : unit.kind === 'loose-page'
          ? [unit.page]
          : [unit.recto];
    insertSheet.run(batchId, index + 1, unit.kind, first.position, second?.position ?? null);
  });
  db.prepare(
    `UPDATE batches SET state = 'planned', warnings = ?, planned_copies = ?, planned_set_aside = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    JSON.stringify(plan.warnings),
    JSON.stringify(plan.copies),
    JSON.stringify(plan.rescans),
    at,
    batchId,
  );
  writeCopies(db, batchId, plan.copies);
  writeRescans(db, batchId, plan.rescans);
}

interface RawPage {
  file: number;
  source: number;
  position: number;
  layout: PageLayout;
  geometry: string;
  unusual: string | null;
  fileName: string;
}

/** The classified stack, as the planning stage saw it: splitting needs each page's displayed geometry. */
export function loadStack(db: Database.Database, batchId: string): StackPage[] {
  const rows = db
    .prepare(
      `SELECT p.file, p.source, p.position, p.layout, p.geometry, p.unusual, s.file_name AS fileName
       FROM pages p JOIN batch_sources s ON s.batch_id = p.batch_id AND s.file = p.file
       WHERE p.batch_id = ? ORDER BY p.position`,
    )
    .all(batchId) as RawPage[];
  return rows.map((row) => ({
    position: row.position,
    file: row.file,
    source: row.source,
    fileName: row.fileName,
    geometry: JSON.parse(row.geometry) as PageGeometry,
    layout: row.layout,
    ...(row.unusual === null ? {} : { unusual: row.unusual }),
  }));
}
