import Papa from 'papaparse';
import { rosterError } from './roster-error';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** 1-based line of the row's first character. */
  line: number;
  /** Cells trimmed: spreadsheets pad them, and a trailing space in a header (`EDS `) means nothing. */
  cells: string[];
}

const DELIMITERS: Delimiter[] = [';', '\t', ','];

/** Excel may write a first line `sep=;` to declare the delimiter; it is no header. */
const EXCEL_SEPARATOR_LINE = /^\s*sep=([,;\t])\s*$/i;

const QUOTE_PROBLEMS: Partial<Record<Papa.ParseError['code'], string>> = {
  MissingQuotes: 'a quoted cell is never closed (a " is missing)',
  InvalidQuotes: 'a quoted cell has text after its closing quote',
};

/** Counts each delimiter outside quotes in the header line: header names hold no delimiters, data may. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell === '');
}

/** Non-blank rows of the CSV text, each with the line it starts on (a quoted cell may span lines). */
export function readCsvRows(text: string, file: string): CsvRow[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  const firstLine = normalized.split('\n').find((line) => line.trim() !== '') ?? '';
  const declared = EXCEL_SEPARATOR_LINE.exec(firstLine)?.[1] as Delimiter | undefined;
  const rows: CsvRow[] = [];
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(normalized, {
    delimiter: declared ?? detectDelimiter(firstLine),
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      if (quoteError) throw rosterError(file, QUOTE_PROBLEMS[quoteError.code] ?? quoteError.message, line);
      const cells = result.data.map((cell) => cell.trim());
      if (!isBlank(cells)) rows.push({ line, cells });
      const rowEnd = result.meta.cursor;
      for (let i = rowStart; i < rowEnd; i++) if (normalized[i] === '\n') line++;
      rowStart = rowEnd;
    },
  });
  if (declared) rows.shift();
  return rows;
}
