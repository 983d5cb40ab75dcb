import { rosterError } from './roster-error';
import { decodeWindows1252 } from './windows-1252';

export type RosterEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedRoster {
  text: string;
  encoding: RosterEncoding;
}

/** Files operators pick by mistake instead of the CSV export, recognised by their first bytes. */
const WRONG_FORMATS: { magic: number[]; problem: string }[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    problem: 'is a spreadsheet workbook (.xlsx or .ods), not a CSV file; save it as CSV first',
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    problem: 'is an Excel workbook (.xls), not a CSV file; save it as CSV first',
  },
  { magic: [0x25, 0x50, 0x44, 0x46], problem: 'is a PDF, not a CSV roster' },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Tab, LF and CR belong in CSV; any other control character (C0, DEL, C1) means the bytes are not text. */
function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const allowed = code === 0x09 || code === 0x0a || code === 0x0d;
    if ((code < 0x20 && !allowed) || (code >= 0x7f && code < 0xa0)) return i;
  }
  return -1;
}

function decode(bytes: Uint8Array, file: string): DecodedRoster {
  // UTF-16 ("Unicode text" in Excel) is full of NUL bytes, so its BOM is looked at before the binary test.
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const wrongFormat = WRONG_FORMATS.find((format) => startsWith(bytes, format.magic));
  if (wrongFormat) throw rosterError(file, wrongFormat.problem);
  if (bytes.includes(0)) throw rosterError(file, 'is a binary file, not a CSV text file');
  // A strict UTF-8 decode failing is how a Windows-1252 re-save shows (é is the single byte 0xE9 there).
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Spreadsheet exports come as UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252. */
export function decodeRosterText(bytes: Uint8Array, file: string): DecodedRoster {
  const decoded = decode(bytes, file);
  // TextDecoder already drops the BOM it recognises; old DOS tools end text files with Ctrl-Z.
  const withoutBom = decoded.text.replace(/^\ufeff/, '');
  const text = withoutBom.endsWith('\x1a') ? withoutBom.slice(0, -1) : withoutBom;
  if (text.trim() === '') throw rosterError(file, 'is empty');
  const control = firstControlCharacter(text);
  if (control >= 0) {
    const line = text.slice(0, control).split(/\r\n?|\n/).length;
    throw rosterError(file, 'is not a text file (it holds a control character)', line);
  }
  return { text, encoding: decoded.encoding };
}
