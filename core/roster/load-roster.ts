import { basename } from 'node:path';
import { KorrigoError } from '../errors';
import { INPUT_PROBLEM_WORDS, InputFileError, readInputFile } from '../files/read-input-file';
import { buildStudents } from './build-students';
import { decodeRosterText } from './decode-roster-text';
import { readCsvRows } from './read-csv-rows';
import { mapColumns, unnamedColumnWarnings } from './roster-columns';
import { rosterError, rosterProblemsError } from './roster-error';
import type { Roster } from './roster-types';

export type { Roster, RosterStudent } from './roster-types';
export { normalizeName } from './normalize-name';

/** Rosters are a few hundred lines; anything this big is the wrong file, and is not read into memory. */
const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

/** Reads a Pronote roster export (or any spreadsheet's CSV with the same columns). Pure: no file system. */
export function parseRoster(bytes: Uint8Array, fileName: string): Roster {
  const { text, encoding } = decodeRosterText(bytes, fileName);
  const [header, ...rows] = readCsvRows(text, fileName);
  if (!header) throw rosterError(fileName, 'is empty');
  const { columns, warnings } = mapColumns(header, fileName);
  if (rows.length === 0) throw rosterError(fileName, 'has a header but no students', header.line);

  const { students, problems } = buildStudents(rows, columns);
  if (problems.length > 0) throw rosterProblemsError(fileName, problems);
  const encodingWarnings =
    encoding === 'windows-1252'
      ? [`${fileName} is not UTF-8: read as Windows-1252; check that accented names look right`]
      : [];
  return {
    file: fileName,
    students,
    warnings: [...encodingWarnings, ...warnings, ...unnamedColumnWarnings(header, rows, fileName)],
  };
}

/** The roster's bytes, refused like loadRoster refuses them (a folder, a device, too large...). */
export async function readRosterFile(path: string): Promise<Uint8Array> {
  try {
    return await readInputFile(path, MAX_ROSTER_BYTES);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    switch (error.problem) {
      case 'missing':
        throw new KorrigoError('file-not-found', `Roster file not found: ${path}`);
      case 'folder':
        throw new KorrigoError('file-unreadable', `${path} is a folder, not a roster CSV file`);
      case 'special':
        throw new KorrigoError(
          'file-unreadable',
          `${path} ${INPUT_PROBLEM_WORDS.special}, not a roster CSV file`,
        );
      case 'too-large':
        throw rosterError(path, `is ${megabytes(error.size)} MB, far too large to be a roster CSV file`);
      default:
        throw new KorrigoError('file-unreadable', `Cannot read the roster ${path}: ${error.reason}`, {
          cause: error,
        });
    }
  }
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** The roster file from disk; `file` in the result and in messages is its base name, as in the manifest. */
export async function loadRoster(path: string): Promise<Roster> {
  return parseRoster(await readRosterFile(path), basename(path));
}
