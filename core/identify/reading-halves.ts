export type SideHalf = 'left' | 'right';

/**
 * Which displayed half of a side holds each of its pages, in reading order. Upright, a recto shows
 * [P4 | P1] and a verso [P2 | P3]; fed upside down, [P1 | P4] and [P3 | P2], each half turned 180°.
 */
export function readingHalves(role: 'recto' | 'verso', upsideDown: boolean): [SideHalf, SideHalf] {
  // The half holding P1 on a recto holds P3 on its verso.
  const [first, second]: [SideHalf, SideHalf] = upsideDown ? ['left', 'right'] : ['right', 'left'];
  return role === 'recto' ? [first, second] : [second, first];
}
