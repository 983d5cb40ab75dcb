import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../core/roster/windows-1252';

describe('decodeWindows1252', () => {
  it('decodes the 0x80–0x9F range as Windows-1252, not Latin-1', () => {
    const bytes = Uint8Array.from([0x80, 0x8c, 0x92, 0x96, 0x9c, 0x9f]);
    expect(decodeWindows1252(bytes)).toBe('\u20ac\u0152\u2019\u2013\u0153\u0178');
  });

  it('decodes ASCII and Latin-1 letters byte for byte', () => {
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xc9, 0xe9, 0xe8, 0xe7, 0xef]))).toBe('AÉéèçï');
  });
});
