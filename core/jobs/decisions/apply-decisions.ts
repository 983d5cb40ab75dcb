import type { ManifestCopy } from '../../manifest';
import { applyDecision } from './apply-decision';
import type { LogEntry } from './decision';
import { resolveHistory } from './history';

/** The copies as they are: the planned copies with every decision still in force applied, in order. */
export function applyDecisions(
  initialCopies: readonly ManifestCopy[],
  log: readonly LogEntry[],
  sources: readonly { sha256: string }[],
): ManifestCopy[] {
  return resolveHistory(log).active.reduce<ManifestCopy[]>(
    (copies, { decision }) => applyDecision(copies, decision, sources),
    [...initialCopies],
  );
}
