// Pairs A3 sides into sheets from what each side is (a recto carries the header, a verso only page boxes),
// not from where it lies: a sheet fed verso first is put back together, and a side the scanner dropped
// leaves one sheet incomplete instead of shifting every pairing after it. Pure; A4 pages stay loose.
import type { SideClue } from '../identify/side-clue';
import type { PageLayout } from '../pdf/page-geometry';
import type { StackUnit } from './sheets';

// Costs of reading a run of sides one way; the cheapest reading wins. A side alone costs more than any
// pairing its roles allow, so sides pair whenever they can; verso first is the rarer way to feed a
// sheet; a side whose role is unknown pairs by position, as the scanner fed it.
const ALONE = 4;
const VERSO_FIRST = 1;
const UNKNOWN_ROLE = 1;
/** Page boxes of the two sides agree (same sheet of a copy, same page count), or not (a misread is possible). */
const AGREE = -1;
const DISAGREE = 3;

type Reading = { take: 1 } | { take: 2; versoFirst: boolean };

function agree(recto: SideClue, verso: SideClue): boolean {
  return (['sheetNo', 'copyPages'] as const).some((key) => recto[key] !== null && recto[key] === verso[key]);
}

/** A side of unknown role paired with no page box agreeing: only their places in the stack join them. */
function restsOnPosition(recto: SideClue, verso: SideClue): boolean {
  return (recto.role === 'unknown' || verso.role === 'unknown') && !agree(recto, verso);
}

function pairCost(recto: SideClue, verso: SideClue): number {
  if (recto.role === 'verso' || verso.role === 'recto') return Infinity;
  let cost = (recto.role === 'unknown' ? UNKNOWN_ROLE : 0) + (verso.role === 'unknown' ? UNKNOWN_ROLE : 0);
  for (const key of ['sheetNo', 'copyPages'] as const) {
    const [a, b] = [recto[key], verso[key]];
    if (a !== null && b !== null) cost += a === b ? AGREE : DISAGREE;
  }
  return cost;
}

/** The cheapest way to read each run of sides from `i` on (dynamic programming, from the end). */
function bestReadings(clues: readonly SideClue[]): Reading[] {
  const best: { cost: number; reading: Reading }[] = [];
  best[clues.length] = { cost: 0, reading: { take: 1 } };
  for (let i = clues.length - 1; i >= 0; i--) {
    // Ties go to the first option listed: pairing in feeding order, as the positional pairing does.
    const options: { cost: number; reading: Reading }[] = [];
    const next = clues[i + 1];
    if (next) {
      const after = best[i + 2]!.cost;
      options.push({ cost: pairCost(clues[i]!, next) + after, reading: { take: 2, versoFirst: false } });
      options.push({
        cost: VERSO_FIRST + pairCost(next, clues[i]!) + after,
        reading: { take: 2, versoFirst: true },
      });
    }
    options.push({ cost: ALONE + best[i + 1]!.cost, reading: { take: 1 } });
    best[i] = options.reduce((a, b) => (b.cost < a.cost ? b : a));
  }
  return best.map((b) => b.reading);
}

export const positionalPairing = (first: string, second: string): string =>
  `paired by position alone: ${first} and ${second} (what one of them is could not be told)`;

function aloneUnit<P>(
  side: P,
  clue: SideClue,
  next: { page: P; clue: SideClue } | undefined,
  label: (page: P) => string,
): StackUnit<P> {
  if (clue.role === 'verso') {
    return {
      kind: 'incomplete-sheet',
      recto: side,
      lacks: 'recto',
      reason: `recto missing for ${label(side)}: a verso (P2, P3) with no recto next to it (a side dropped by the scanner?)`,
    };
  }
  const why = !next
    ? 'no A3 side follows it'
    : next.clue.role === 'recto'
      ? 'the next side is another recto (a side dropped by the scanner?)'
      : `the next side, ${label(next.page)}, belongs to another sheet`;
  return {
    kind: 'incomplete-sheet',
    recto: side,
    lacks: 'verso',
    reason: `verso missing after ${label(side)}: ${why}`,
  };
}

function pairRun<P>(
  run: readonly P[],
  clueOf: (page: P) => SideClue,
  label: (page: P) => string,
): StackUnit<P>[] {
  const clues = run.map(clueOf);
  const readings = bestReadings(clues);
  const units: StackUnit<P>[] = [];
  let i = 0;
  while (i < run.length) {
    const reading = readings[i]!;
    if (reading.take === 2) {
      const [first, second] = [run[i]!, run[i + 1]!];
      const [recto, verso] = reading.versoFirst ? [second, first] : [first, second];
      const [rectoClue, versoClue] = reading.versoFirst
        ? [clues[i + 1]!, clues[i]!]
        : [clues[i]!, clues[i + 1]!];
      units.push(
        restsOnPosition(rectoClue, versoClue)
          ? { kind: 'sheet', recto, verso, reason: positionalPairing(label(first), label(second)) }
          : { kind: 'sheet', recto, verso },
      );
    } else {
      const next = i + 1 < run.length ? { page: run[i + 1]!, clue: clues[i + 1]! } : undefined;
      units.push(aloneUnit(run[i]!, clues[i]!, next, label));
    }
    i += reading.take;
  }
  return units;
}

/** Units in stack order of their first side; `label` names a side in reasons ("SKM1.pdf page 3"). */
export function pairSides<P extends { layout: PageLayout }>(
  pages: readonly P[],
  clueOf: (page: P) => SideClue,
  label: (page: P) => string,
): StackUnit<P>[] {
  const units: StackUnit<P>[] = [];
  let run: P[] = [];
  const endRun = () => {
    units.push(...pairRun(run, clueOf, label));
    run = [];
  };
  for (const page of pages) {
    if (page.layout === 'a4') {
      endRun();
      units.push({ kind: 'loose-page', page });
    } else {
      run.push(page);
    }
  }
  endRun();
  return units;
}
