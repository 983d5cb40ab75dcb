// What one logical A4 page shows: its printed template, its tag, and what its writer put on it.
import { boxedText, handwrittenRun, textWidth, wordGap, type Writer } from './handwriting';
import { pageTagElement } from './page-tag';
import { Random } from './random';
import type { Element } from './scene';
import { PRINTINGS, placed, type PrintingName } from './printing';
import { ANNEX_HEADER, BODY, type Rect } from './sheet-layout';
import { ANNEX_ROWS, ANNEX_TABLE, annexTemplate, studentAnnexTemplate, versoBandTemplate } from './template';
import { HEADINGS, MATH_TOKENS, WORDS } from './words';

/** The header as the student wrote it (capitals, accents kept or not), not as the roster spells it. */
export interface HeaderFill {
  lastName: string;
  firstName: string;
  /** dd/mm/yyyy */
  birthDate: string;
}

export interface ExamPageSpec {
  kind: 'exam';
  id: number;
  pageInSheet: 1 | 2 | 3 | 4;
  /** P1 only: what is written in the identification boxes, null when they are left empty. */
  header: HeaderFill | null;
  pageBox: [number, number] | null;
  blank: boolean;
  versoBand: boolean;
  writer: Writer;
  seed: number;
  /** How the paper was printed (default `ccyc`). */
  printing?: PrintingName;
}

export interface AnnexPageSpec {
  kind: 'annex';
  id: number;
  /** A student's annex: what they wrote in its identification frame. Absent on a loose form of nobody's. */
  header?: HeaderFill;
  writer: Writer;
  seed: number;
}

export type PageSpec = ExamPageSpec | AnnexPageSpec;

/** How many handwritten stencils a page's body aims at: copiers show 49–84 per A3 side in all. */
const BODY_ELEMENTS = 24;

export function pageElements(spec: PageSpec): Element[] {
  const rng = new Random(spec.seed);
  return spec.kind === 'exam' ? examPage(spec, rng) : annexPage(spec, rng);
}

function examPage(spec: ExamPageSpec, rng: Random): Element[] {
  const printing = PRINTINGS[spec.printing ?? 'ccyc'];
  const isP1 = spec.pageInSheet === 1;
  const band = spec.versoBand && (spec.pageInSheet === 2 || spec.pageInSheet === 3);
  const printed: Element[] = [
    ...(isP1 ? printing.header() : []),
    ...(band ? versoBandTemplate() : []),
    ...printing.pageBox(),
  ];
  const elements: Element[] = [];
  if (spec.header) elements.push(...headerInk(spec.writer, rng, spec.header, printing.fields));
  if (spec.pageBox) {
    const { number, total } = printing.pageCells;
    const texts = [
      ...digitCells(spec.pageBox[0], number.length, rng),
      ...digitCells(spec.pageBox[1], total.length, rng),
    ];
    const digits = boxedText(spec.writer, rng, texts, [...number, ...total]);
    if (digits) elements.push(digits);
  }
  if (!spec.blank) {
    const top = isP1 ? printing.bodyTop : band ? BODY.topAfterBand : BODY.top;
    // A P2 is rarely short: the student turned the page to go on writing.
    const wanted = isP1 ? rng.int(6, 20) : spec.pageInSheet === 2 ? rng.int(8, 26) : rng.int(4, 26);
    elements.push(...bodyText(spec.writer, rng, top, wanted));
  }
  const tag = pageTagElement(spec.id);
  if (!printing.jitter) return [...printed, tag, ...elements];
  // Printers' "fit to page": the whole page at 90–105 %, a few millimetres off; the tag stays put.
  const fit = new Random(spec.seed ^ 0x5f3759df);
  const [scale, dx, dy] = [fit.range(0.9, 1.05), fit.range(-4, 4), fit.range(-3, 3)];
  return [...placed(printed, scale, dx, dy), tag, ...placed(elements, scale, dx, dy)];
}

/** n written in `cells` digit boxes: one box holds the whole number; two hold tens and units ("03" or " 3"). */
function digitCells(n: number, cells: number, rng: Random): string[] {
  if (cells === 1) return [String(n)];
  const units = String(n % 10);
  if (n >= 10) return [String(Math.floor(n / 10) % 10), units];
  return [rng.chance(0.5) ? '0' : '', units];
}

function headerInk(
  writer: Writer,
  rng: Random,
  header: HeaderFill,
  fields: { lastName: readonly Rect[]; firstName: readonly Rect[]; birthDate: readonly Rect[] },
): Element[] {
  const rows = [
    { text: header.lastName, boxes: fields.lastName },
    { text: header.firstName, boxes: fields.firstName },
    { text: header.birthDate.replace(/\//g, ''), boxes: fields.birthDate },
  ];
  return rows.flatMap(({ text, boxes }) => {
    const ink = boxedText(writer, rng, [...text].slice(0, boxes.length), boxes);
    return ink ? [ink] : [];
  });
}

function bodyText(writer: Writer, rng: Random, top: number, wantedLines: number): Element[] {
  const lines = Math.min(wantedLines, Math.floor((BODY.lastBaseline - top) / writer.linePitch));
  const groupsPerLine = Math.min(4, Math.max(1, Math.round(BODY_ELEMENTS / Math.max(1, lines))));
  const margin = BODY.left + rng.range(0, 6);
  const elements: Element[] = [];
  let sentenceStart = true;
  for (let k = 0; k < lines; k++) {
    const baseline = top + writer.linePitch * (k + 1) + rng.gaussian() * 0.4;
    // Without ruling, a line drifts up or down a little as it goes.
    const drift = rng.gaussian() * 0.006 * (0.5 + writer.messiness);
    const heading = k === 0 ? rng.chance(0.5) : rng.chance(0.07);
    const indent = !heading && k > 0 && rng.chance(0.12) ? 8 : 0;
    let x = margin + indent + rng.gaussian() * 0.8;
    let words: string[];
    if (heading) {
      words = rng.pick(HEADINGS).split(' ');
      sentenceStart = true;
    } else {
      // Most lines run to the margin; a paragraph's last line stops short.
      const limit = BODY.right - (rng.chance(0.15) ? rng.range(40, 120) : rng.range(0, 10));
      words = proseLine(writer, rng, x, limit, sentenceStart);
      sentenceStart = (words.at(-1) ?? '').endsWith('.');
    }
    for (const chunk of chunks(words, groupsPerLine)) {
      const run = handwrittenRun(writer, rng, chunk, x, baseline + drift * (x - margin));
      elements.push(run.element);
      x = run.endX;
    }
  }
  return elements;
}

function proseLine(writer: Writer, rng: Random, x: number, limit: number, sentenceStart: boolean): string[] {
  const words: string[] = [];
  let cursor = x;
  let capitalize = sentenceStart;
  for (;;) {
    let word = rng.chance(0.1) ? rng.pick(MATH_TOKENS) : rng.pick(WORDS);
    if (capitalize) word = word.charAt(0).toUpperCase() + word.slice(1);
    capitalize = false;
    if (rng.chance(0.08)) {
      word += '.';
      capitalize = true;
    } else if (rng.chance(0.06)) word += ',';
    const width = textWidth(writer, word);
    if (cursor + width > limit && words.length > 0) return words;
    words.push(word);
    cursor += width + wordGap(writer, rng);
  }
}

function chunks<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function annexPage(spec: AnnexPageSpec, rng: Random): Element[] {
  const elements: Element[] = spec.header
    ? [
        ...studentAnnexTemplate(),
        pageTagElement(spec.id),
        ...headerInk(spec.writer, rng, spec.header, {
          lastName: ANNEX_HEADER.lastName.boxes,
          firstName: ANNEX_HEADER.firstName.boxes,
          birthDate: ANNEX_HEADER.birthDate.boxes,
        }),
      ]
    : [...annexTemplate(), pageTagElement(spec.id)];
  const rowHeight = ANNEX_TABLE.height / ANNEX_ROWS;
  for (let row = 0; row < ANNEX_ROWS; row++) {
    if (!rng.chance(0.6)) continue;
    const baseline = ANNEX_TABLE.y + row * rowHeight + rowHeight * 0.7;
    const words = proseLine(
      spec.writer,
      rng,
      ANNEX_TABLE.x + 34,
      ANNEX_TABLE.x + ANNEX_TABLE.width - 10,
      true,
    );
    elements.push(handwrittenRun(spec.writer, rng, words, ANNEX_TABLE.x + 34, baseline).element);
  }
  return elements;
}
