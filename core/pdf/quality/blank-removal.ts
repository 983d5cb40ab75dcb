// Is the scanner's blank-page removal on? A duplex scan gives two sides per sheet, so the A3 sides between
// two loose A4 pages (or the ends of the stack) come in pairs; an odd run means a side is missing, and a
// blank side dropped by the scanner is the usual cause (a jam loses a whole sheet, keeping the count even).
// Runs are counted over the whole stack, as the pipeline pairs them: a file may end on a recto whose verso
// opens the next file, which is no fault.
import type { PageFacts } from './measure-file';

interface Side {
  file: number;
  page: number;
}

/** One list of warnings per file, in file order; a warning goes to the file holding the run's last side. */
export function blankRemovalWarnings(
  files: readonly { name: string; pages: readonly PageFacts[] }[],
): string[][] {
  const names = files.map((file) => file.name);
  const warnings = files.map((): string[] => []);
  let run: Side[] = [];
  const endRun = () => {
    if (run.length % 2 === 1) {
      const last = run.at(-1)!;
      warnings[last.file]!.push(oddRunWarning(names, run));
    }
    run = [];
  };
  files.forEach(({ pages }, file) =>
    pages.forEach(({ layout }, index) => {
      if (layout === 'a3') run.push({ file, page: index + 1 });
      else endRun();
    }),
  );
  endRun();
  return warnings;
}

function oddRunWarning(names: readonly string[], run: readonly Side[]): string {
  const first = run[0]!;
  const last = run.at(-1)!;
  const where =
    run.length === 1
      ? `a single A3 side (page ${first.page}) between loose pages or at an end of the stack`
      : first.file === last.file
        ? `an odd run of ${run.length} A3 sides (pages ${first.page}–${last.page})`
        : `an odd run of ${run.length} A3 sides (${names[first.file]} page ${first.page} to ${names[last.file]} page ${last.page})`;
  return (
    `${names[last.file]}: ${where}: a duplex scan gives two sides per sheet, so a side seems missing; ` +
    "the scanner's blank-page removal may be on: turn it off so that blank sides are kept"
  );
}
