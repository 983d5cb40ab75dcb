// Node's TextDecoder('windows-1252') decodes as Latin-1 since 20.18.3 (nodejs/node#56542, #60888): 0x92
// becomes the control U+0092 instead of ’. Spreadsheets write ’, Œ and œ in names, so decode here.

/** Bytes 0x80–0x9F per the WHATWG table; the five bytes Windows leaves undefined map to themselves. */
const HIGH_BYTES = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte < 0xa0 ? HIGH_BYTES.charAt(byte - 0x80) : String.fromCharCode(byte);
  }
  return text;
}
