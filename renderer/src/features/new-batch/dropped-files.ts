// Files dropped on the window, sorted as the new-batch form takes them: scanner PDFs in the order dropped,
// the roster CSV (the last one dropped, as a second pick replaces the first), and the rest named back.
/** Any file the form holds (a ChosenFile): only its name matters here. */
interface Named {
  name: string;
}

export interface SortedDrop<F extends Named> {
  scans: F[];
  roster: F | null;
  /** Names of the files that are neither. */
  refused: string[];
}

const extensionOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

export function sortDropped<F extends Named>(files: readonly F[]): SortedDrop<F> {
  const scans = files.filter((file) => extensionOf(file.name) === 'pdf');
  const rosters = files.filter((file) => extensionOf(file.name) === 'csv');
  const refused = files.filter((file) => !scans.includes(file) && !rosters.includes(file));
  return { scans, roster: rosters.at(-1) ?? null, refused: refused.map((file) => file.name) };
}
