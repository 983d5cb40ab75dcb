// One student, one copy. A copy is `ready` only on its own evidence, never by elimination; but another
// copy that also looks like the same student is evidence against it. Under one student per copy, the
// odds that copy A is student K rather than copy B are odds_A(K) / odds_B(K): A stays ready only if that
// still clears the ready bar, i.e. A is overwhelmingly better. When B's reading is itself ready-level for
// K, both go to review whatever the odds: the student may have handed in twice, or one reading is wrong,
// and only the operator can tell.
import type { RosterStudent } from '../../roster/load-roster';
import { READY_POSTERIOR, type IdentityDecision } from './decide-identity';
import type { HeaderEvidence } from './header-matcher';
import { logOdds, posterior } from './posterior';
import { bestCandidateTaken, sameStudentElsewhere } from './reasons';

/** A copy whose posterior for the student is at least this much is a rival claim to weigh. */
const RIVAL_POSTERIOR = 0.01;
/** Only a real guess (not the least bad of a poor reading) is worth saying it is taken. */
const GUESS_POSTERIOR = 0.25;
const READY_LOG_ODDS = Math.log(READY_POSTERIOR / (1 - READY_POSTERIOR));

export interface CopyClaim {
  decision: IdentityDecision;
  evidence: HeaderEvidence | null;
  /** How reasons name the copy, e.g. "the copy starting at sheet 7". */
  label: string;
}

/** The decision sent to review (if it was ready) with one more reason, given once. */
function inConflict(decision: IdentityDecision, reason: string): IdentityDecision {
  const reasons = decision.reasons.includes(reason) ? decision.reasons : [...decision.reasons, reason];
  return { ...decision, status: 'needs_review', student: null, reasons };
}

/** Whether copy `claim` keeps student k against `rival`, whose reading also resembles k. */
function outweighs(claim: HeaderEvidence, rival: HeaderEvidence, k: number): boolean {
  if ((posterior(rival.total).students[k] as number) >= READY_POSTERIOR) return false;
  return logOdds(claim.total, k) - logOdds(rival.total, k) >= READY_LOG_ODDS;
}

export function resolveConflicts(
  claims: readonly CopyClaim[],
  students: readonly RosterStudent[],
): IdentityDecision[] {
  const posteriors = claims.map((c) => (c.evidence ? posterior(c.evidence.total).students : null));
  const decisions = claims.map((c) => c.decision);
  const indexOf = new Map(students.map((s, k) => [s, k] as const));

  claims.forEach((claim, a) => {
    const student = claim.decision.student;
    const evidence = claim.evidence;
    if (claim.decision.status !== 'ready' || !student || !evidence) return;
    const k = indexOf.get(student) as number;
    claims.forEach((rival, r) => {
      if (r === a || !rival.evidence || (posteriors[r]?.[k] ?? 0) < RIVAL_POSTERIOR) return;
      if (rival.decision.student !== student && outweighs(evidence, rival.evidence, k)) return;
      decisions[a] = inConflict(decisions[a] as IdentityDecision, sameStudentElsewhere(rival.label));
      decisions[r] = inConflict(decisions[r] as IdentityDecision, sameStudentElsewhere(claim.label));
    });
  });

  // A review copy whose best guess is settled elsewhere says so; its candidates stay as they are.
  return decisions.map((decision) => {
    const guess = decision.candidates[0];
    if (decision.status === 'ready' || !guess || guess.score < GUESS_POSTERIOR) return decision;
    const top = guess.student;
    const holder = decisions.findIndex((d) => d.status === 'ready' && d.student === top);
    if (holder < 0) return decision;
    const label = (claims[holder] as CopyClaim).label;
    return { ...decision, reasons: [...decision.reasons, bestCandidateTaken(top.name, label)] };
  });
}
