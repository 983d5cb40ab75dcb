// Windows-1252 encoding for the "re-saved by a spreadsheet" roster. TextEncoder only writes UTF-8, and
// 1252 equals Latin-1 except in 0x80–0x9F, so only the few letters living there need a table.

const WIN1252_EXTRAS: ReadonlyMap<string, number> = new Map([
  ['€', 0x80],
  ['’', 0x92],
  ['Œ', 0x8c],
  ['œ', 0x9c],
  ['Ÿ', 0x9f],
]);

export function encodeWin1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const extra = WIN1252_EXTRAS.get(char);
    if (extra !== undefined) bytes.push(extra);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`"${char}" (U+${code.toString(16)}) has no Windows-1252 byte`);
  }
  return Buffer.from(bytes);
}
