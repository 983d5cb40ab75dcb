// Which sheets the faults strike: each fault takes sheets no other fault has taken, of roster students
// (a stranger's copy stays as handed in), fully scanned (not the verso `dropLastVerso` leaves out).
import { KorrigoError } from '../../core/errors';
import type { Random } from './random';
import type { TruthPage, TruthSheet } from './types';

export class SheetPicker {
  private readonly taken = new Set<number>();
  private readonly eligible: Set<number>;

  constructor(
    private readonly sheets: readonly TruthSheet[],
    pages: readonly TruthPage[],
  ) {
    const partlyUnscanned = new Set(pages.filter((p) => p.unscanned).map((p) => p.sheet));
    this.eligible = new Set(sheets.map((_, i) => i).filter((i) => !partlyUnscanned.has(i)));
  }

  /** Sheets still free among `among` (default: all), in order. */
  free(among?: readonly number[]): number[] {
    return (among ?? this.sheets.map((_, i) => i)).filter((i) => this.eligible.has(i) && !this.taken.has(i));
  }

  /**
   * Takes `count` sheets at random among `candidates` (at most one per student when `perStudent`), or
   * explains which sheets the fault `fault` needs and how few are left.
   */
  take(
    rng: Random,
    fault: string,
    count: number,
    candidates: readonly number[],
    needs: string,
    perStudent = false,
  ): number[] {
    if (count === 0) return [];
    const students = new Set<string>();
    const chosen: number[] = [];
    for (const sheet of rng.shuffle(candidates)) {
      if (chosen.length === count) break;
      const student = (this.sheets[sheet] as TruthSheet).student;
      if (perStudent && students.has(student)) continue;
      students.add(student);
      chosen.push(sheet);
    }
    if (chosen.length < count) {
      throw new KorrigoError(
        'bad-arguments',
        `Generator options: ${fault} asks for ${count} sheet(s), but the batch has only ${chosen.length} ` +
          `${needs} that no other fault took: ask for fewer, or for more students or sheets.`,
      );
    }
    for (const sheet of chosen) this.taken.add(sheet);
    return chosen.sort((a, b) => a - b);
  }
}
