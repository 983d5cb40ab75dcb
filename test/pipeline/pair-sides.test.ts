import { describe, expect, it } from 'vitest';
import type { SideClue } from '../../core/identify/side-clue';
import { pairSides } from '../../core/pipeline/pair-sides';
import { readingOrder, type StackUnit } from '../../core/pipeline/sheets';

type Side = { id: string; layout: 'a3' | 'a4'; clue: SideClue };

/**
 * A stack from a role string, one letter a side: R recto, V verso, U unknown, A an A4 page. A digit after
 * a letter is the sheet number its page boxes give, then "/N" the copy's page count they give.
 */
function stack(roles: string): Side[] {
  const sides: Side[] = [];
  for (const [, letter, sheet, pages] of roles.matchAll(/([RVUA])(\d?)(?:\/(\d+))?/g)) {
    const id = `${letter}${sides.length + 1}`;
    if (letter === 'A') {
      sides.push({ id, layout: 'a4', clue: { role: 'unknown', sheetNo: null, copyPages: null } });
      continue;
    }
    const role = letter === 'R' ? 'recto' : letter === 'V' ? 'verso' : 'unknown';
    const clue = {
      role,
      sheetNo: sheet ? Number(sheet) : null,
      copyPages: pages ? Number(pages) : null,
    } as const;
    sides.push({ id, layout: 'a3', clue });
  }
  return sides;
}

const pair = (roles: string) =>
  pairSides(
    stack(roles),
    (side) => side.clue,
    (side) => `SKM1.pdf page ${side.id.slice(1)}`,
  );

/** Each unit as its sides' ids, recto first: "R1+V2" a sheet, "R1-" lacking its verso, "-V1" its recto. */
function shape(unit: StackUnit<Side>): string {
  if (unit.kind === 'sheet') return `${unit.recto.id}+${unit.verso.id}`;
  if (unit.kind === 'loose-page') return unit.page.id;
  return unit.lacks === 'verso' ? `${unit.recto.id}-` : `-${unit.recto.id}`;
}

const shapes = (roles: string) => pair(roles).map(shape);

describe('pairSides', () => {
  it('pairs recto then verso', () => {
    expect(shapes('RVRVRV')).toEqual(['R1+V2', 'R3+V4', 'R5+V6']);
  });

  it('puts a sheet fed verso first back together, wherever it is in the stack', () => {
    expect(shapes('VRRVRV')).toEqual(['R2+V1', 'R3+V4', 'R5+V6']);
    expect(shapes('RVVRRV')).toEqual(['R1+V2', 'R4+V3', 'R5+V6']);
    expect(shapes('RVRVVR')).toEqual(['R1+V2', 'R3+V4', 'R6+V5']);
  });

  it('reads P1 of a verso-first sheet from its recto, the later side', () => {
    const [sheet] = pair('VR');
    expect(readingOrder(sheet!).map(({ page, half }) => `${page.id}:${half}`)).toEqual([
      'R2:right',
      'V1:left',
      'V1:right',
      'R2:left',
    ]);
    expect(readingOrder(sheet!, true).map(({ page, half }) => `${page.id}:${half}`)).toEqual([
      'R2:left',
      'V1:right',
      'V1:left',
      'R2:right',
    ]);
  });

  it('leaves a recto whose verso was dropped alone, names it, and pairs the rest as fed', () => {
    const units = pair('RVRRVRV');
    expect(units.map(shape)).toEqual(['R1+V2', 'R3-', 'R4+V5', 'R6+V7']);
    expect(units[1]).toMatchObject({
      reason:
        'verso missing after SKM1.pdf page 3: the next side is another recto (a side dropped by the scanner?)',
    });
  });

  it('names a recto lacking its verso at the end of a run', () => {
    const units = pair('RVRARVR');
    expect(units.map(shape)).toEqual(['R1+V2', 'R3-', 'A4', 'R5+V6', 'R7-']);
    expect(units[1]).toMatchObject({ reason: 'verso missing after SKM1.pdf page 3: no A3 side follows it' });
    expect(units[4]).toMatchObject({ reason: 'verso missing after SKM1.pdf page 7: no A3 side follows it' });
  });

  it('keeps a lone verso as its own unit with the reason', () => {
    const units = pair('RVVVRV');
    expect(units.map(shape)).toEqual(['R1+V2', '-V3', '-V4', 'R5+V6']);
    expect(units[1]).toMatchObject({
      kind: 'incomplete-sheet',
      lacks: 'recto',
      reason:
        'recto missing for SKM1.pdf page 3: a verso (P2, P3) with no recto next to it (a side dropped by the scanner?)',
    });
    expect(readingOrder(units[1]!).map(({ page, half }) => `${page.id}:${half}`)).toEqual([
      'V3:left',
      'V3:right',
    ]);
  });

  it('settles which verso a recto between two versos pairs with from the page boxes', () => {
    // Without numbers, the common feeding wins: the first verso is the lone one.
    expect(shapes('VRV')).toEqual(['-V1', 'R2+V3']);
    // The numbers say the first verso and the recto are one sheet (both sheet 1 of their copy).
    expect(shapes('V1R1V2')).toEqual(['R2+V1', '-V3']);
    expect(shapes('V0R1V1')).toEqual(['-V1', 'R2+V3']);
    // A recto with its verso dropped, then a sheet fed verso first.
    expect(shapes('R0V1R1')).toEqual(['R1-', 'R3+V2']);
    expect(shapes('RVR')).toEqual(['R1+V2', 'R3-']);
  });

  it('tells a one-sheet copy whose verso was dropped from the next copy fed verso first by the page count', () => {
    // Both are the first sheet of their copy: only "/ N" tells the verso belongs to the later recto.
    expect(shapes('R0/4V0/8R0/8')).toEqual(['R1-', 'R3+V2']);
    expect(shapes('R0V0R0')).toEqual(['R1+V2', 'R3-']);
  });

  it('pairs sides of unknown role by position, next to known ones', () => {
    expect(shapes('UUUU')).toEqual(['U1+U2', 'U3+U4']);
    expect(shapes('UUU')).toEqual(['U1+U2', 'U3-']);
    expect(shapes('RURV')).toEqual(['R1+U2', 'R3+V4']);
    expect(shapes('UVRV')).toEqual(['U1+V2', 'R3+V4']);
    expect(shapes('VURV')).toEqual(['U2+V1', 'R3+V4']);
  });

  it('says so when a pairing rests on position alone: a side of unknown role, no page box agreeing', () => {
    const units = pair('RU0R1V1UU');
    expect(units.map(shape)).toEqual(['R1+U2', 'R3+V4', 'U5+U6']);
    expect(units[0]).toMatchObject({
      reason:
        'paired by position alone: SKM1.pdf page 1 and SKM1.pdf page 2 (what one of them is could not be told)',
    });
    expect(units[1]).not.toHaveProperty('reason');
    expect(units[2]).toHaveProperty('reason');
    // The page boxes of both sides say they are the same sheet of a copy: not position alone.
    expect(pair('R1U1')[0]).not.toHaveProperty('reason');
  });

  it('pairs sides their page boxes disagree on when nothing else fits (a misread box)', () => {
    expect(shapes('R0V3')).toEqual(['R1+V2']);
  });

  it('places every side exactly once', () => {
    const roles = 'RVVRRRVAUVVRURAVRVR';
    const placed = pair(roles).flatMap((unit) =>
      unit.kind === 'sheet'
        ? [unit.recto.id, unit.verso.id]
        : unit.kind === 'loose-page'
          ? [unit.page.id]
          : [unit.recto.id],
    );
    expect(placed.sort()).toEqual(
      stack(roles)
        .map((side) => side.id)
        .sort(),
    );
  });

  it('makes nothing of an empty stack', () => {
    expect(pair('')).toEqual([]);
  });
});
