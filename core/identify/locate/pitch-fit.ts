// A comb is printed straight and regular: its k-th edge lies at x = a + b·k, and its k-th box's top (or
// bottom) at y = a + b·k.

/** Positions 0..`count`-1 on the least-squares line through the measured (k, x) pairs (at least two). */
export function fitPitch(measured: readonly (readonly [number, number])[], count: number): number[] {
  const n = measured.length;
  const meanK = measured.reduce((s, [k]) => s + k, 0) / n;
  const meanX = measured.reduce((s, [, x]) => s + x, 0) / n;
  let skk = 0;
  let skx = 0;
  for (const [k, x] of measured) {
    skk += (k - meanK) ** 2;
    skx += (k - meanK) * (x - meanX);
  }
  const pitch = skx / skk;
  return Array.from({ length: count }, (_, k) => meanX + pitch * (k - meanK));
}
