// Scores one header against every roster student: for each, the log-likelihood ratio of "this student
// wrote it" over "nobody in the roster wrote it", using every candidate character's probability.
import type { RosterStudent } from '../../roster/load-roster';
import { DIGIT_ALPHABET, NAME_ALPHABET, type HeaderReading } from '../types';
import { NameRowAligner } from './align-name';
import { backgroundLogLikelihood, buildBackgroundModel, type BackgroundModel } from './background-model';
import { fieldLikelihood, logSumExp, type FieldLikelihood } from './field-likelihood';
import { nameSlots, nameVariants, type NameVariant, type Slot } from './name-variants';
import { dateLogLikelihood } from './score-date';

/**
 * Evidence shrink: cells of one header are read by one reader from one hand, so their errors are not
 * independent as the sum of per-cell log-likelihoods assumes. Scaling keeps the decision thresholds honest.
 */
const EVIDENCE_SCALE = 0.7;

/** Log-likelihood ratios against "nobody in the roster", one entry per roster student (roster order). */
export interface HeaderEvidence {
  /** Name rows and date row together. */
  total: Float64Array;
  /** Name rows alone: a date never identifies anyone on its own. */
  name: Float64Array;
  /** Date row alone: strongly negative when a clearly read date is someone else's. */
  date: Float64Array;
}

export interface HeaderMatcher {
  score(header: HeaderReading): HeaderEvidence;
}

/**
 * What a stranger writes in each name row: a name the roster does not know, or one it does (a common first
 * name, a sibling's family name in another class). Without the second kind, a stranger called
 * "MARTIN JEAN-PIERRE" would be taken for the roster's "GARÇON JEAN-PIERRE" on the strength of the first
 * name alone. (Both rows from the roster is left out: it would be the roster student themself.)
 */
const STRANGER_ROWS = [
  { last: 'unknown', first: 'unknown', weight: 0.4 },
  { last: 'roster', first: 'unknown', weight: 0.3 },
  { last: 'unknown', first: 'roster', weight: 0.3 },
] as const;

interface StudentModel {
  variants: NameVariant[];
  birthDate: string;
}

class RosterHeaderMatcher implements HeaderMatcher {
  private readonly models: StudentModel[];
  private readonly background: BackgroundModel;
  /** Every distinct name part any variant puts in a row (the same set for both rows: rows may be swapped). */
  private readonly parts: { text: string; slots: Slot[] }[];

  constructor(students: readonly RosterStudent[]) {
    this.models = students.map((s) => ({ variants: nameVariants(s.name), birthDate: s.birthDate }));
    this.background = buildBackgroundModel(students);
    const texts = new Set(this.models.flatMap((m) => m.variants.flatMap((v) => [v.lastName, v.firstName])));
    this.parts = [...texts].map((text) => ({ text, slots: nameSlots(text) }));
  }

  score(header: HeaderReading): HeaderEvidence {
    const lastName = fieldLikelihood(header.lastName, 'NOM boxes');
    const firstName = fieldLikelihood(header.firstName, 'PRÉNOM boxes');
    const birthDate = fieldLikelihood(header.birthDate, 'birth date boxes');

    // Siblings share a family name and many share a first name: each distinct part is aligned once per row.
    const lastRow = new NameRowAligner(lastName);
    const firstRow = new NameRowAligner(firstName);
    const inLast = new Map(this.parts.map((p) => [p.text, lastRow.logLikelihood(p.slots)] as const));
    const inFirst = new Map(this.parts.map((p) => [p.text, firstRow.logLikelihood(p.slots)] as const));

    const nobodyName = this.strangerNameLogLikelihood(lastName, firstName, inLast, inFirst);
    const nobodyDate = backgroundLogLikelihood(birthDate, this.background.birthDate, DIGIT_ALPHABET);
    const name = new Float64Array(this.models.length);
    const date = new Float64Array(this.models.length);
    const total = new Float64Array(this.models.length);
    this.models.forEach((model, k) => {
      const nameLog = logSumExp(
        model.variants.map(
          (v) => v.logPrior + (inLast.get(v.lastName) as number) + (inFirst.get(v.firstName) as number),
        ),
      );
      name[k] = EVIDENCE_SCALE * (nameLog - nobodyName);
      date[k] = EVIDENCE_SCALE * (dateLogLikelihood(birthDate, model.birthDate) - nobodyDate);
      total[k] = (name[k] as number) + (date[k] as number);
    });
    return { total, name, date };
  }

  private strangerNameLogLikelihood(
    lastName: FieldLikelihood,
    firstName: FieldLikelihood,
    inLast: Map<string, number>,
    inFirst: Map<string, number>,
  ): number {
    const logMean = (values: Iterable<number>) => {
      const list = [...values];
      return logSumExp(list) - Math.log(list.length);
    };
    const rows = {
      last: {
        unknown: backgroundLogLikelihood(lastName, this.background.lastName, NAME_ALPHABET),
        roster: logMean(inLast.values()),
      },
      first: {
        unknown: backgroundLogLikelihood(firstName, this.background.firstName, NAME_ALPHABET),
        roster: logMean(inFirst.values()),
      },
    };
    return logSumExp(STRANGER_ROWS.map((s) => Math.log(s.weight) + rows.last[s.last] + rows.first[s.first]));
  }
}

export function createHeaderMatcher(students: readonly RosterStudent[]): HeaderMatcher {
  return new RosterHeaderMatcher(students);
}
