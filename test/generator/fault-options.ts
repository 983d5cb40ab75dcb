// The scan-room fault options, checked and with their defaults (none of them: 0).
import { KorrigoError } from '../../core/errors';
import type { GenerateOptions } from './types';

export interface FaultCounts {
  upsideDown: number;
  versoFirst: number;
  upsideDownVersoFirst: number;
  duplicatesAtEnd: number;
  duplicatesRightAfter: number;
  repeatFile: number;
  droppedBlankSides: number;
  missingSheets: number;
  annexesAfterCopy: number;
  annexesInStack: number;
  annexesOwnFile: number;
  strangers: number;
  blankHeaderFirstSheet: number;
  twins: number;
}

/** Enough different names for strangers to be drawn quickly. */
const MAX_STRANGERS = 50;

export function resolveFaults(options: GenerateOptions, present: number): FaultCounts {
  const count = (name: string, value: number | undefined): number => {
    const resolved = value ?? 0;
    if (!Number.isInteger(resolved) || resolved < 0) {
      throw new KorrigoError(
        'bad-arguments',
        `Generator options: ${name} must be a whole number ≥ 0, got ${value}.`,
      );
    }
    return resolved;
  };
  const { duplicateSheets: duplicates = {}, annexes = {} } = options;
  const faults: FaultCounts = {
    upsideDown: count('upsideDown', options.upsideDown),
    versoFirst: count('versoFirst', options.versoFirst),
    upsideDownVersoFirst: count('upsideDownVersoFirst', options.upsideDownVersoFirst),
    duplicatesAtEnd: count('duplicateSheets.atEnd', duplicates.atEnd),
    duplicatesRightAfter: count('duplicateSheets.rightAfter', duplicates.rightAfter),
    repeatFile: count('duplicateSheets.repeatFile', duplicates.repeatFile),
    droppedBlankSides: count('droppedBlankSides', options.droppedBlankSides),
    missingSheets: count('missingSheets', options.missingSheets),
    annexesAfterCopy: count('annexes.afterCopy', annexes.afterCopy),
    annexesInStack: count('annexes.inStack', annexes.inStack),
    annexesOwnFile: count('annexes.ownFile', annexes.ownFile),
    strangers: count('strangers', options.strangers),
    blankHeaderFirstSheet: count('blankHeaderFirstSheet', options.blankHeaderFirstSheet),
    twins: count('twins', options.twins),
  };
  const bad = (message: string) => new KorrigoError('bad-arguments', `Generator options: ${message}`);
  if (faults.strangers > MAX_STRANGERS)
    throw bad(`strangers must be at most ${MAX_STRANGERS}, got ${faults.strangers}.`);
  const annexCount = faults.annexesAfterCopy + faults.annexesInStack + faults.annexesOwnFile;
  if (annexCount > present) {
    throw bad(
      `annexes are one per student: ${annexCount} asked for, but only ${present} students hand in a copy.`,
    );
  }
  if (4 * faults.twins > present) {
    throw bad(
      `twins ${faults.twins} makes ${4 * faults.twins} relatives (twins and siblings, all handing in), ` +
        `but only ${present} students hand in a copy.`,
    );
  }
  return faults;
}
