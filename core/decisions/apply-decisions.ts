import { applyDecision } from './apply-decision';
import type { DecidedCopies, LogEntry } from './decision';
import { resolveHistory } from './history';

/** The copies as they are: the planned ones with every decision still in force applied, in order. */
export function applyDecisions(
  planned: DecidedCopies,
  log: readonly LogEntry[],
  sources: readonly { sha256: string }[],
): DecidedCopies {
  return resolveHistory(log).active.reduce<DecidedCopies>(
    (state, { decision }) => applyDecision(state, decision, sources),
    { copies: [...planned.copies], rescans: [...planned.rescans] },
  );
}
