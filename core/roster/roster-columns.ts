import type { CsvRow } from './read-csv-rows';
import { rosterError } from './roster-error';

type Field = 'fullName' | 'lastName' | 'firstName' | 'birthDate' | 'email' | 'className';

/** Header names as `headerKey` turns them: Pronote's own first, then what other exports and people write. */
const ALIASES: Record<Field, string[]> = {
  fullName: [
    'eleves',
    'eleve',
    'nom prenom',
    'nom et prenom',
    'nom prenoms',
    'nom complet',
    'etudiant',
    'etudiants',
  ],
  lastName: ['nom', 'nom de famille', 'nom d usage', 'last name', 'lastname', 'surname', 'family name'],
  firstName: ['prenom', 'prenoms', 'first name', 'firstname', 'given name'],
  birthDate: ['ne e le', 'ne le', 'nee le', 'date de naissance', 'date naissance', 'date naiss', 'naissance'],
  email: [
    'adresse e mail',
    'adresse email',
    'adresse mail',
    'adresse courriel',
    'e mail',
    'email',
    'mail',
    'courriel',
  ],
  className: ['classe', 'division'],
};

const LABELS: Record<Field, string> = {
  fullName: 'the student name',
  lastName: 'the last name',
  firstName: 'the first name',
  birthDate: 'the birth date',
  email: 'the e-mail address',
  className: 'the class',
};

export interface RosterColumns {
  /** Cells joined with a space make the student's name: [Élèves], or [Nom, Prénom]. */
  name: number[];
  birthDate: number;
  email: number;
  className: number | undefined;
  /** Every other named column, keyed by its header (made unique when a name repeats). */
  extra: { index: number; key: string }[];
}

/** Header as compared: lowercase, no accents, punctuation as spaces: " Né(e) le " -> "ne e le". */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function fieldOf(header: string): Field | undefined {
  const key = headerKey(header);
  return (Object.keys(ALIASES) as Field[]).find((field) => ALIASES[field].includes(key));
}

function extraColumns(header: string[], indexes: number[]): RosterColumns['extra'] {
  const seen = new Map<string, number>();
  return indexes.map((index) => {
    const name = (header[index] ?? '').replace(/\s+/g, ' ');
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return { index, key: count === 1 ? name : `${name} (${count})` };
  });
}

function quoted(names: string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

export function mapColumns(header: CsvRow, file: string): { columns: RosterColumns; warnings: string[] } {
  const found = new Map<Field, number>();
  const unmapped: number[] = [];
  const warnings: string[] = [];
  header.cells.forEach((cell, index) => {
    if (cell === '') return;
    const field = fieldOf(cell);
    const first = field === undefined ? undefined : found.get(field);
    if (field !== undefined && first === undefined) {
      found.set(field, index);
      return;
    }
    unmapped.push(index);
    if (field !== undefined && first !== undefined) {
      const used = header.cells[first] ?? '';
      warnings.push(
        `${file}: columns "${used}" and "${cell}" both look like ${LABELS[field]}; using "${used}"`,
      );
    }
  });

  const fullName = found.get('fullName');
  const lastName = found.get('lastName');
  const firstName = found.get('firstName');
  // Pronote's single "Élèves" column wins; "Nom" + "Prénom" make the name otherwise, and "Nom" alone is
  // taken to hold the whole name. Columns not used for the name stay available as extras.
  let name: number[] = [];
  if (fullName !== undefined) name = [fullName];
  else if (lastName !== undefined) name = firstName === undefined ? [lastName] : [lastName, firstName];
  for (const index of [lastName, firstName]) {
    if (index !== undefined && !name.includes(index)) unmapped.push(index);
  }

  const birthDate = found.get('birthDate');
  const email = found.get('email');
  if (name.length === 0 || birthDate === undefined || email === undefined) {
    const missing = [
      ...(name.length === 0 ? ['"Élèves" (or "Nom" and "Prénom")'] : []),
      ...(birthDate === undefined ? ['"Né(e) le"'] : []),
      ...(email === undefined ? ['"Adresse E-mail"'] : []),
    ];
    // A file that is no roster at all (another program's file, named by mistake or on purpose) is not
    // quoted back: its first line may be anything, and errors travel to logs and to the browser.
    if (found.size === 0) {
      throw rosterError(
        file,
        'is not a roster: its first line names none of the columns "Élèves" (or "Nom" and "Prénom"), "Né(e) le", "Adresse E-mail"',
        header.line,
      );
    }
    const present = quoted(header.cells.filter((cell) => cell !== ''));
    const plural = missing.length === 1 ? 'column' : 'columns';
    throw rosterError(
      file,
      `missing required ${plural} ${missing.join(', ')} (columns found: ${present})`,
      header.line,
    );
  }

  const extra = extraColumns(
    header.cells,
    unmapped.sort((a, b) => a - b),
  );
  return { columns: { name, birthDate, email, className: found.get('className'), extra }, warnings };
}

/** Values under no header are ignored: say so once per column, so a shifted row does not pass silently. */
export function unnamedColumnWarnings(header: CsvRow, rows: CsvRow[], file: string): string[] {
  const warned = new Set<number>();
  const warnings: string[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, index) => {
      if (cell === '' || (header.cells[index] ?? '') !== '' || warned.has(index)) return;
      warned.add(index);
      warnings.push(`${file}, line ${row.line}: column ${index + 1} has no header; its values are ignored`);
    });
  }
  return warnings;
}
