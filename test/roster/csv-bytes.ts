// Builds roster files byte by byte, the way spreadsheets and Pronote write them.
import { expect } from 'vitest';
import { isKorrigoError } from '../../core/errors';
import { parseRoster } from '../../core/roster/load-roster';

export function utf8(text: string, { bom = false } = {}): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export function utf16le(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Windows-1252 bytes of the characters tests use from 0x80–0x9F; the rest of the range is Latin-1. */
const HIGH_BYTES = new Map([
  ['€', 0x80],
  ['Œ', 0x8c],
  ['’', 0x92],
  ['–', 0x96],
  ['œ', 0x9c],
]);

export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = HIGH_BYTES.get(char) ?? char.charCodeAt(0);
    if (code > 0xff || (code >= 0x80 && code < 0xa0 && !HIGH_BYTES.has(char))) {
      throw new Error(`no Windows-1252 byte for "${char}" in this helper`);
    }
    return code;
  });
}

/** Lines joined with CRLF, as Windows spreadsheets and Pronote end them. */
export function crlf(...lines: string[]): string {
  return lines.join('\r\n') + '\r\n';
}

/** The roster-invalid message parseRoster throws for these bytes. */
export function rosterErrorMessage(bytes: Uint8Array, fileName = 'eleves.csv'): string {
  try {
    parseRoster(bytes, fileName);
  } catch (error) {
    if (!isKorrigoError(error)) throw error;
    expect(error.code).toBe('roster-invalid');
    expect(error.exitCode).toBe(2);
    return error.message;
  }
  throw new Error('parseRoster accepted the roster');
}
