// A student who fills the header again on a later sheet gives a second reading of the same name. The
// readings are not independent (same hand, same reader, same mistakes), so each extra header counts half.
import type { HeaderEvidence } from './header-matcher';

const EXTRA_HEADER_WEIGHT = 0.5;

function combine(arrays: Float64Array[]): Float64Array {
  const first = arrays[0] as Float64Array;
  return Float64Array.from(first, (_, k) => {
    let sum = 0;
    let max = -Infinity;
    for (const a of arrays) {
      const v = a[k] as number;
      sum += v;
      if (v > max) max = v;
    }
    return max + EXTRA_HEADER_WEIGHT * (sum - max);
  });
}

/** Evidence of several headers of one copy; null when there is none. */
export function combineEvidence(list: readonly HeaderEvidence[]): HeaderEvidence | null {
  if (list.length === 0) return null;
  if (list.length === 1) return list[0] as HeaderEvidence;
  return {
    total: combine(list.map((e) => e.total)),
    name: combine(list.map((e) => e.name)),
    date: combine(list.map((e) => e.date)),
  };
}
