// Names are compared in the closed alphabet students write in the header boxes: capitals without
// accents, with hyphens and apostrophes as the only separators besides spaces.

/** Letters NFD does not decompose into a base letter plus accent. */
const UNDECOMPOSED: Record<string, string> = { Œ: 'OE', Æ: 'AE', Ø: 'O', Ł: 'L', Đ: 'D', Þ: 'TH' };

export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[ŒÆØŁĐÞ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[^\p{L}\p{N}'-]+/gu, ' ')
    .replace(/\s*([-'])[\s'-]*/g, '$1')
    .replace(/^[\s'-]+|[\s'-]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** The words of a name once normalised: "Kerbej Sandra-Inès" -> ["KERBEJ", "SANDRA", "INES"]. */
export function nameTokens(s: string): string[] {
  return normalizeName(s)
    .split(/[ '-]+/)
    .filter((token) => token !== '');
}
