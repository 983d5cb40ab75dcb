// What identification hands to the pipeline: copies as runs of sheets, each with its student (or the
// reasons it needs a human), and the roster students nobody handed a copy for. Maps one to one onto
// `ManifestCopy.status / student / confidence / reasons / candidates` and `Manifest.absent`.
import type { Candidate } from '../match/decide-identity';
import type { RosterStudent } from '../../roster/load-roster';

export interface SegmentedCopy {
  /** Indices into the sheet readings given, in stack order. */
  sheets: number[];
  status: 'ready' | 'needs_review';
  /** Set only when `ready`; for a review copy the best guess is `candidates[0]`. */
  student: RosterStudent | null;
  /** Posterior of the best candidate over the roster and "nobody in it" (0 when there is none). */
  confidence: number;
  /** Why the copy needs review (empty when `ready`). */
  reasons: string[];
  /** Up to 5 roster students, best first, `score` a posterior in 0..1. */
  candidates: Candidate[];
}

export interface IdentifiedBatch {
  copies: SegmentedCopy[];
  /**
   * Roster students no copy is for: neither the student of a ready copy nor the best candidate of a review
   * copy. Resolving reviews can only shorten this list.
   */
  absent: RosterStudent[];
}
