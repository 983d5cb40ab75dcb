// Whether one copy's header evidence identifies a student well enough to skip review. A wrong `ready` gives
// one student's work to another and nobody looks again, so the bar is set for zero such errors in the
// simulations (test/identify/match), at the price of more reviews.
import type { RosterStudent } from '../../roster/load-roster';
import type { HeaderEvidence } from './header-matcher';
import { posterior } from './posterior';
import { REASON } from './reasons';

/** Posterior of the best student over roster ∪ nobody needed for `ready` (about e^11 to one). */
export const READY_POSTERIOR = 0.99998;
/** The name rows alone must favour the student this much over nobody (scaled nats). */
export const MIN_NAME_EVIDENCE = 8;
/**
 * A clearly read birth date that is not the student's vetoes `ready` (a namesake from another class, or a
 * date written wrong): the date may fail to help, never contradict.
 */
export const MAX_DATE_CONTRADICTION = 4;
/** Candidates below this posterior are noise, not guesses worth showing. */
const MIN_CANDIDATE = 0.001;
const MAX_CANDIDATES = 5;

export interface Candidate {
  student: RosterStudent;
  /** Posterior probability over the roster and "nobody in it", 0..1. */
  score: number;
}

export interface IdentityDecision {
  status: 'ready' | 'needs_review';
  /** Set only when `ready`: a review copy's best guess is `candidates[0]`. */
  student: RosterStudent | null;
  /** Posterior of the best candidate (0 when there is none). */
  confidence: number;
  reasons: string[];
  candidates: Candidate[];
}

export function decideIdentity(
  evidence: HeaderEvidence,
  students: readonly RosterStudent[],
): IdentityDecision {
  const post = posterior(evidence.total);
  const ranked = Array.from(post.students, (score, k) => ({ k, score })).sort((a, b) => b.score - a.score);
  const candidates = ranked
    .slice(0, MAX_CANDIDATES)
    .filter((c) => c.score >= MIN_CANDIDATE)
    .map((c) => ({ student: students[c.k] as RosterStudent, score: c.score }));
  const best = ranked[0];
  if (!best || post.nobody >= best.score) {
    return {
      status: 'needs_review',
      student: null,
      confidence: best?.score ?? 0,
      reasons: [REASON.noRosterMatch],
      candidates,
    };
  }
  const reasons: string[] = [];
  if ((evidence.name[best.k] as number) < MIN_NAME_EVIDENCE) reasons.push(REASON.nameTooWeak);
  if ((evidence.date[best.k] as number) < -MAX_DATE_CONTRADICTION) reasons.push(REASON.dateDisagrees);
  if (best.score < READY_POSTERIOR) {
    const runnerUp = ranked[1]?.score ?? 0;
    reasons.push(runnerUp > post.nobody ? REASON.closeCandidates : REASON.weakMatch);
  }
  const ready = reasons.length === 0;
  return {
    status: ready ? 'ready' : 'needs_review',
    student: ready ? (students[best.k] as RosterStudent) : null,
    confidence: best.score,
    reasons,
    candidates,
  };
}
