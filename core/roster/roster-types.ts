export interface RosterStudent {
  /** As written in the roster, trimmed, single-spaced: "BEN JEMAA SADRI" (LASTNAME FIRSTNAME in one column). */
  name: string;
  /** Name tokens normalised for matching: uppercase, accents stripped, apostrophes/hyphens split. */
  tokens: string[];
  email: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  /** '' when the roster has no class column. */
  className: string;
  /** 1-based line in the file, for messages. */
  line: number;
  /** Every other named column (EDS, Groupe...), keyed by its header as written, trimmed. */
  extra: Record<string, string>;
}

export interface Roster {
  /** File name as given to the parser (the base name for files loaded from disk). */
  file: string;
  students: RosterStudent[];
  /** Things the operator may want to check that do not stop the run. */
  warnings: string[];
}
