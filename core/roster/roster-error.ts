import { KorrigoError } from '../errors';

export interface RosterProblem {
  line: number;
  problem: string;
}

/** How many problems one message lists; the rest are counted, so the CLI still prints one readable line. */
const LISTED_PROBLEMS = 5;

export function rosterError(file: string, problem: string, line?: number): KorrigoError {
  const where = line === undefined ? file : `${file}, line ${line}`;
  return new KorrigoError('roster-invalid', `${where}: ${problem}`);
}

/** One error for every row problem found, so the operator can fix them all in one pass. */
export function rosterProblemsError(file: string, problems: RosterProblem[]): KorrigoError {
  const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `line ${p.line}: ${p.problem}`);
  const more = problems.length - listed.length;
  if (more > 0) listed.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
  return new KorrigoError('roster-invalid', `${file}, ${listed.join('; ')}`);
}
