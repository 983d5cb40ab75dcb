import type Database from 'better-sqlite3';

/** Recorded once the file is in the scans folder under its hash; the same scan again changes nothing. */
export function recordScan(
  db: Database.Database,
  scan: { sha256: string; size: number; pages: number; at: string },
) {
  db.prepare('INSERT OR IGNORE INTO scans (sha256, size, pages, stored_at) VALUES (?, ?, ?, ?)').run(
    scan.sha256,
    scan.size,
    scan.pages,
    scan.at,
  );
}
