// A page's inked cells as a fingerprint keeps them: one string, not an array of numbers. A side has thousands
// of inked cells and every side of a batch is held to its end (each may be compared with the others): as
// numbers they took 16 bytes a cell, ~47 MB for a 400-side batch, as this text under 3. Text, so a reading
// stays plain JSON for the job's checkpoint and crosses to the main thread as one string.
// Each cell, in index order: the gap from the previous inked cell (from -1 for the first) in 7-bit groups,
// low group first, the high bit set on every group but the last; then its ink percentage (1–100) in one
// byte. The bytes in base64.

/** Cells as pairs (cell index, percentage 1–100), by increasing index. */
export function encodeInkedCells(pairs: readonly number[]): string {
  // At most 5 bytes of gap (an index under 2³¹) and 1 of percentage a cell.
  const bytes = new Uint8Array(pairs.length * 3);
  let length = 0;
  let previous = -1;
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    const cell = pairs[k] as number;
    const percent = pairs[k + 1] as number;
    if (!(cell > previous && cell < 2 ** 31) || !Number.isInteger(cell))
      throw new RangeError(`cell ${cell} does not follow cell ${previous}`);
    if (!(percent >= 1 && percent <= 100 && Number.isInteger(percent)))
      throw new RangeError(`cell ${cell}: percentage ${percent} is not a whole number from 1 to 100`);
    let gap = cell - previous;
    previous = cell;
    while (gap >= 0x80) {
      bytes[length++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    bytes[length++] = gap;
    bytes[length++] = percent;
  }
  return Buffer.from(bytes.buffer, 0, length).toString('base64');
}

/** Calls `visit` with each inked cell of `encoded` (encodeInkedCells'), in index order. */
export function forEachInkedCell(encoded: string, visit: (cell: number, percent: number) => void): void {
  const bytes = Buffer.from(encoded, 'base64');
  let cell = -1;
  for (let i = 0; i < bytes.length;) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      if (i + 1 >= bytes.length) throw new RangeError('the inked cells are cut short');
      const byte = bytes[i++] as number;
      gap += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    cell += gap;
    visit(cell, bytes[i++] as number);
  }
}

/** How many cells `encoded` holds. */
export function inkedCellCount(encoded: string): number {
  let count = 0;
  forEachInkedCell(encoded, () => count++);
  return count;
}
