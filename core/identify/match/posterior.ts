// Turns log-likelihood ratios into a posterior over "one of the roster students, or nobody in it".
import { logSumExp } from './field-likelihood';

/** Chance that a copy is from someone the roster does not list (another class, a late enrolment). */
export const STRANGER_PRIOR = 0.05;

export interface Posterior {
  /** One per roster student, roster order. */
  students: Float64Array;
  nobody: number;
}

export function posterior(evidence: Float64Array): Posterior {
  const n = evidence.length;
  const logStudentPrior = n > 0 ? Math.log((1 - STRANGER_PRIOR) / n) : -Infinity;
  const logNobody = Math.log(STRANGER_PRIOR);
  const logs = Array.from(evidence, (e) => e + logStudentPrior);
  const norm = logSumExp([...logs, logNobody]);
  return { students: Float64Array.from(logs, (l) => Math.exp(l - norm)), nobody: Math.exp(logNobody - norm) };
}

/** log(p / (1 - p)) for student k, computed without rounding 1 - p to zero. */
export function logOdds(evidence: Float64Array, k: number): number {
  const n = evidence.length;
  const logStudentPrior = Math.log((1 - STRANGER_PRIOR) / n);
  const others = [Math.log(STRANGER_PRIOR)];
  evidence.forEach((e, j) => {
    if (j !== k) others.push(e + logStudentPrior);
  });
  return (evidence[k] as number) + logStudentPrior - logSumExp(others);
}
