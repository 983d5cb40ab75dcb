// A minimal reader of PDF content streams: it yields each operator with its operands, and each inline
// image with its dictionary. pdf-lib writes content streams but does not read them, and pdfjs's operator
// list decodes every image on the way, which is what the quality report must not do (it has to stay cheap
// on a batch of 300 dpi scans). Strings are skipped (their text does not matter here), not decoded.

/** A name keeps its slash (`/Im0`), so it cannot be mistaken for anything else; strings are `null`. */
export type Operand = number | string | boolean | null | Operand[];

export interface ContentHandlers {
  operation(operator: string, operands: Operand[]): void;
  /** `entries` alternates keys and values, as written between BI and ID (keys may be abbreviated). */
  inlineImage(entries: Operand[]): void;
}

/** Byte classes, looked up in a table: this loop runs over every byte of every page's content. */
const REGULAR = 0;
const WHITESPACE = 1;
const DELIMITER = 2;
const CLASSES = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASSES[byte] = WHITESPACE;
for (const byte of '()<>[]{}/%') CLASSES[byte.charCodeAt(0)] = DELIMITER;

const isRegular = (byte: number) => CLASSES[byte] === REGULAR;
const isWhitespace = (byte: number | undefined) => byte !== undefined && CLASSES[byte] === WHITESPACE;

export function readContent(bytes: Uint8Array, handlers: ContentHandlers): void {
  let operands: Operand[] = [];
  /** Open arrays and dictionaries: their items go into the innermost one. */
  const open: Operand[][] = [];
  const push = (value: Operand) => (open.at(-1) ?? operands).push(value);
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (isWhitespace(byte)) {
      i++;
    } else if (byte === 0x25 /* % */) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (byte === 0x28 /* ( */) {
      i = skipLiteralString(bytes, i);
      push(null);
    } else if (byte === 0x3c /* < */ && bytes[i + 1] === 0x3c) {
      open.push([]);
      i += 2;
    } else if (byte === 0x3c) {
      i = bytes.indexOf(0x3e, i);
      i = i < 0 ? bytes.length : i + 1;
      push(null);
    } else if (byte === 0x5b /* [ */) {
      open.push([]);
      i++;
    } else if (byte === 0x5d /* ] */ || (byte === 0x3e && bytes[i + 1] === 0x3e)) {
      const closed = open.pop();
      if (closed) push(closed);
      i += byte === 0x5d ? 1 : 2;
    } else if (byte === 0x2f /* / */) {
      const end = tokenEnd(bytes, i + 1);
      push(`/${decodeName(latin1(bytes, i + 1, end))}`);
      i = end;
    } else if (!isRegular(byte)) {
      // A stray delimiter (`)`, `>`, braces) in a damaged stream: skip it as viewers do.
      i++;
    } else {
      const end = tokenEnd(bytes, i);
      const number = parseNumber(bytes, i, end);
      const token = number === undefined ? latin1(bytes, i, end) : '';
      i = end;
      if (number !== undefined) push(number);
      else if (token === 'true' || token === 'false') push(token === 'true');
      else if (token === 'null' || open.length > 0) push(null);
      else if (token === 'ID') {
        i = skipInlineData(bytes, i);
        handlers.inlineImage(operands);
        operands = [];
      } else {
        // BI only opens the inline image's dictionary, which ID closes.
        if (token !== 'BI') handlers.operation(token, operands);
        operands = [];
      }
    }
  }
}

function tokenEnd(bytes: Uint8Array, from: number): number {
  let end = from;
  while (end < bytes.length && isRegular(bytes[end]!)) end++;
  return end;
}

/** The number the token spells (`12`, `-.5`, `+3.`), without making a string of it; else undefined. */
function parseNumber(bytes: Uint8Array, from: number, to: number): number | undefined {
  let i = from;
  const sign = bytes[i] === 0x2d /* - */ ? -1 : 1;
  if (bytes[i] === 0x2d || bytes[i] === 0x2b /* + */) i++;
  let value = 0;
  let scale = 0;
  let digits = 0;
  for (; i < to; i++) {
    const byte = bytes[i]!;
    if (byte === 0x2e /* . */ && scale === 0) scale = 1;
    else if (byte >= 0x30 && byte <= 0x39) {
      digits++;
      if (scale === 0) value = value * 10 + (byte - 0x30);
      else value += (byte - 0x30) / (scale *= 10);
    } else return undefined;
  }
  return digits > 0 ? sign * value : undefined;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Index just past the string opened at `from`: parentheses nest, and a backslash escapes one byte. */
function skipLiteralString(bytes: Uint8Array, from: number): number {
  let depth = 0;
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x5c /* \ */) i++;
    else if (byte === 0x28) depth++;
    else if (byte === 0x29 && --depth === 0) return i + 1;
  }
  return bytes.length;
}

/**
 * Index just past the EI that ends the inline image data starting after ID. The data's length is only known
 * by decoding it, so like most readers this looks for `EI` standing alone between whitespace; binary data
 * that happens to contain such bytes would end the image early, which costs at most one image's figures.
 */
function skipInlineData(bytes: Uint8Array, from: number): number {
  for (let i = from + 1; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0x45 || bytes[i + 1] !== 0x49 || !isWhitespace(bytes[i - 1])) continue;
    const after = bytes[i + 2];
    if (after === undefined || !isRegular(after)) return i + 2;
  }
  return bytes.length;
}
