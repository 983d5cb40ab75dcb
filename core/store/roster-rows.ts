import type Database from 'better-sqlite3';
import type { ManifestStudent } from '../manifest';
import { parseRoster, type Roster, type RosterStudent } from '../roster/load-roster';

export interface RosterInfo {
  sha256: string;
  fileName: string;
  students: number;
  warnings: string[];
}

/** Stores a roster (its bytes and its students) unless a roster with the same bytes is already there. */
export function recordRoster(
  db: Database.Database,
  roster: { sha256: string; content: Uint8Array; parsed: Roster; at: string },
): void {
  const inserted = db
    .prepare(
      'INSERT OR IGNORE INTO rosters (sha256, file_name, content, warnings, stored_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(
      roster.sha256,
      roster.parsed.file,
      roster.content,
      JSON.stringify(roster.parsed.warnings),
      roster.at,
    );
  if (inserted.changes === 0) return;
  const insertStudent = db.prepare(
    `INSERT INTO roster_students (roster_sha256, line, name, match_name, email, birth_date, class_name, extra)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const student of roster.parsed.students) {
    insertStudent.run(
      roster.sha256,
      student.line,
      student.name,
      student.tokens.join(' '),
      student.email,
      student.birthDate,
      student.className,
      JSON.stringify(student.extra),
    );
  }
}

export function rosterInfo(db: Database.Database, sha256: string): RosterInfo {
  const row = db
    .prepare(
      `SELECT file_name AS fileName, warnings, (SELECT count(*) FROM roster_students WHERE roster_sha256 = rosters.sha256) AS students
       FROM rosters WHERE sha256 = ?`,
    )
    .get(sha256) as { fileName: string; warnings: string; students: number };
  return {
    sha256,
    fileName: row.fileName,
    students: row.students,
    warnings: JSON.parse(row.warnings) as string[],
  };
}

/** The roster's students as the manifest names them, in roster order. */
export function rosterStudents(db: Database.Database, sha256: string): ManifestStudent[] {
  return db
    .prepare(
      `SELECT name, email, birth_date AS birthDate, class_name AS className
       FROM roster_students WHERE roster_sha256 = ? ORDER BY line`,
    )
    .all(sha256) as ManifestStudent[];
}

/** The roster as identification needs it, parsed again from the stored file (the store keeps its bytes). */
export function storedRoster(db: Database.Database, sha256: string): RosterStudent[] {
  const row = db
    .prepare('SELECT file_name AS fileName, content FROM rosters WHERE sha256 = ?')
    .get(sha256) as {
    fileName: string;
    content: Uint8Array;
  };
  return parseRoster(row.content, row.fileName).students;
}
