// The manifest with its English sentences doubled as data (additive: readers of version 1 see the same).
import type { Manifest } from '../manifest';
import { reviewNote } from './review-codes';

export function withReviewCodes(manifest: Manifest): Manifest {
  return {
    ...manifest,
    copies: manifest.copies.map((copy) => ({ ...copy, reasonCodes: copy.reasons.map(reviewNote) })),
    warningCodes: manifest.warnings.map(reviewNote),
    invariants: {
      ...manifest.invariants,
      violationCodes: manifest.invariants.violations.map(reviewNote),
    },
  };
}
