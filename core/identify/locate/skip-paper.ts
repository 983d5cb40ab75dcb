// Most of a dark-pixel mask is paper: scans along its rows step over it four pixels at a time.

/** The mask's bytes four at a time, when its start allows a 32-bit view; else null. */
export function maskWords(mask: Uint8Array): Uint32Array | null {
  return mask.byteOffset % 4 === 0 ? new Uint32Array(mask.buffer, mask.byteOffset, mask.length >> 2) : null;
}

/** The first i in [from, end) where mask[i] is not 0, else end. `words`: maskWords(mask). */
export function nextDark(mask: Uint8Array, words: Uint32Array | null, from: number, end: number): number {
  let i = from;
  if (words) {
    for (; i < end && (i & 3) !== 0; i++) if (mask[i] !== 0) return i;
    if (i >= end) return end;
    let word = i >> 2;
    const last = end >> 2;
    while (word < last && words[word] === 0) word++;
    i = word << 2;
  }
  while (i < end && mask[i] === 0) i++;
  return i;
}
