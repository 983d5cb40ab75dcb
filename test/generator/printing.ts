// Printings of the exam paper: the same fields (NOM, PRÉNOM, date of birth, "Page n / N") in other
// arrangements, as local reprints and other editions of the CCYC form show them — other rows of boxes
// (N° candidat, N° d'inscription) above, between or beside the names, the date in 2 / 2 / 4 groups with
// printed slashes or in one run of 8 and sharing its row, name rows of 15–30 boxes, boxes 4.5–8 mm,
// square or taller than wide, thin or thick, black or grey rules, the page box with one box or two digit
// cells per number, framed or not, from the middle of the bottom edge to its right end (its left end holds
// the generator's machine-readable page tag, which tests read back). `ccyc` is the project's first printing
// and stays byte for byte what it was.
import { PRINT_BLACK, PRINT_GREY, css, mm, printedText, type Element, type Rgb } from './scene';
import { BODY, HEADER, PAGE_BOX, type Rect } from './sheet-layout';
import { headerTemplate, pageBoxTemplate } from './template';

export const PRINTING_NAMES = ['ccyc', 'candidat', 'inscription', 'grid', 'academie'] as const;
export type PrintingName = (typeof PRINTING_NAMES)[number];

/**
 * Kept out of every tuning of the finders and the reader (chosen before any result): tests and the
 * benchmark report it apart.
 */
export const HELD_OUT_PRINTING: PrintingName = 'academie';

export interface Printing {
  name: PrintingName;
  /** The identification frame as printed (P1 only). */
  header: () => Element[];
  /** Where the student writes, one character per box. */
  fields: { lastName: readonly Rect[]; firstName: readonly Rect[]; birthDate: readonly Rect[] };
  /** The page box as printed (every page). */
  pageBox: () => Element[];
  /** The digit cells of n and of N: one box each, or two (tens, units). */
  pageCells: { number: readonly Rect[]; total: readonly Rect[] };
  /** Where body text may start on P1. */
  bodyTop: number;
  /** Printed at 90–105 % and shifted (printers' "fit to page"); the first printing never is. */
  jitter: boolean;
}

interface RuleStyle {
  width: number;
  color: Rgb;
}

function boxes(x: number, y: number, count: number, width: number, height: number): Rect[] {
  return Array.from({ length: count }, (_, i) => ({ x: x + i * width, y, width, height }));
}

/** Boxes in groups separated by `gap` (room for a printed slash), left to right. */
function groups(x: number, y: number, sizes: number[], width: number, height: number, gap: number): Rect[] {
  const out: Rect[] = [];
  let left = x;
  for (const size of sizes) {
    out.push(...boxes(left, y, size, width, height));
    left += size * width + gap;
  }
  return out;
}

function outline(rects: readonly Rect[], style: RuleStyle): Element {
  const body = rects
    .map((r) => `<rect x="${mm(r.x)}" y="${mm(r.y)}" width="${mm(r.width)}" height="${mm(r.height)}"/>`)
    .join('');
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.width));
  const y1 = Math.max(...rects.map((r) => r.y + r.height));
  return {
    svg: `<g fill="none" stroke="${css(style.color)}" stroke-width="${mm(style.width)}">${body}</g>`,
    box: { x: x0 - 1, y: y0 - 1, width: x1 - x0 + 2, height: y1 - y0 + 2 },
    color: style.color,
  };
}

/** A printed slash between two groups of boxes, `after` the box that ends the first group. */
function slashAfter(after: Rect, gap: number, color: Rgb): Element {
  return printedText(
    '/',
    after.x + after.width + gap / 2,
    after.y + after.height * 0.8,
    after.height * 0.85,
    color,
    {
      anchor: 'middle',
    },
  );
}

function label(text: string, x: number, baseline: number, size = 2.8, bold = true): Element {
  return printedText(text, x, baseline, size, PRINT_BLACK, { bold });
}

const ccyc: Printing = {
  name: 'ccyc',
  header: headerTemplate,
  fields: {
    lastName: HEADER.lastName.boxes,
    firstName: HEADER.firstName.boxes,
    birthDate: HEADER.birthDate.boxes,
  },
  pageBox: pageBoxTemplate,
  pageCells: { number: [PAGE_BOX.number], total: [PAGE_BOX.total] },
  bodyTop: BODY.topAfterHeader,
  jitter: false,
};

/**
 * N° candidat (12 boxes) above the names, labels above their rows, names of 26 and 22 boxes of 5 × 7 mm,
 * the date in one run of 8; thick black rules. Page box: two digit cells per number, framed, bottom centre right.
 */
function candidat(): Printing {
  const rule = { width: 0.5, color: PRINT_BLACK };
  const [w, h] = [5, 7];
  const candidate = boxes(40, 17, 12, w, h);
  const lastName = boxes(40, 30, 26, w, h);
  const firstName = boxes(40, 43, 22, w, h);
  const birthDate = boxes(40, 56, 8, w, h);
  const number = boxes(118, 274, 2, 5, 7);
  const total = boxes(133, 274, 2, 5, 7);
  return {
    name: 'candidat',
    header: () => [
      outline([{ x: 12, y: 8, width: 186, height: 60 }], { width: 0.3, color: PRINT_BLACK }),
      label('Académie de ……', 150, 13, 2.4, false),
      label('N° candidat', 40, 16),
      label('NOM', 40, 29),
      label('Prénom(s)', 40, 42),
      label('Né(e) le (jjmmaaaa)', 40, 55),
      outline(candidate, rule),
      outline(lastName, rule),
      outline(firstName, rule),
      outline(birthDate, rule),
    ],
    fields: { lastName, firstName, birthDate },
    pageBox: () => [
      outline([{ x: 104, y: 272, width: 38, height: 11 }], { width: 0.3, color: PRINT_BLACK }),
      printedText('Page', 105.5, 279.5, 2.6, PRINT_BLACK),
      outline([...number, ...total], rule),
      printedText('/', 130.5, 279.5, 4.5, PRINT_BLACK, { anchor: 'middle' }),
    ],
    pageCells: { number, total },
    bodyTop: 76,
    jitter: true,
  };
}

/**
 * Names of 18 and 16 large boxes (7 × 8 mm) with labels on their left, N° d'inscription (10 boxes)
 * between PRÉNOM and the date, the date 2 / 2 / 4 with slashes sharing its row with a "Salle" of 3 boxes;
 * thin grey rules. Page box: one box per number, unframed, bottom centre.
 */
function inscription(): Printing {
  const rule = { width: 0.25, color: PRINT_GREY };
  const [w, h] = [7, 8];
  const lastName = boxes(60, 12, 18, w, h);
  const firstName = boxes(60, 24, 16, w, h);
  const enrolment = boxes(60, 36, 10, 5.5, 7);
  const gap = 5;
  const birthDate = groups(60, 48, [2, 2, 4], 6, 7.5, gap);
  const room = boxes(150, 48, 3, 6, 7.5);
  const number = boxes(104, 276, 1, 8, 8);
  const total = boxes(118, 276, 1, 8, 8);
  return {
    name: 'inscription',
    header: () => [
      label('NOM DE FAMILLE', 14, 18),
      label('PRÉNOM(S)', 14, 30),
      label("N° d'inscription", 14, 41.5),
      label('Né(e) le', 14, 54),
      label('Salle', 138, 54, 2.8, false),
      outline(lastName, rule),
      outline(firstName, rule),
      outline(enrolment, rule),
      outline(birthDate, rule),
      outline(room, rule),
      slashAfter(birthDate[1] as Rect, gap, PRINT_GREY),
      slashAfter(birthDate[3] as Rect, gap, PRINT_GREY),
      printedText('Épreuve : ……………………', 14, 66, 2.8, PRINT_BLACK),
    ],
    fields: { lastName, firstName, birthDate },
    pageBox: () => [
      printedText('Page', 92, 282, 3, PRINT_BLACK),
      outline([...number, ...total], rule),
      printedText('/', 115, 282.5, 5, PRINT_GREY, { anchor: 'middle' }),
    ],
    pageCells: { number, total },
    bodyTop: 72,
    jitter: true,
  };
}

/**
 * Small boxes (4.6 × 6 mm): names of 30 and 28, the date in one run of 8 sharing its row with
 * N° candidat (11 boxes) on its right, labels above; thin black rules, a frame with a title band. Page
 * box: two digit cells per number, framed, bottom right.
 */
function grid(): Printing {
  const rule = { width: 0.25, color: PRINT_BLACK };
  const [w, h] = [4.6, 6];
  const lastName = boxes(30, 22, 30, w, h);
  const firstName = boxes(30, 34, 28, w, h);
  const birthDate = boxes(30, 46, 8, w, h);
  const candidate = boxes(110, 46, 11, w, h);
  const number = boxes(172, 275, 2, 5, 6.5);
  const total = boxes(187, 275, 2, 5, 6.5);
  return {
    name: 'grid',
    header: () => [
      outline([{ x: 14, y: 7, width: 182, height: 48 }], rule),
      printedText('IDENTIFICATION DU CANDIDAT', 105, 13, 3.4, PRINT_BLACK, { bold: true, anchor: 'middle' }),
      label('Nom', 30, 21, 2.4),
      label('Prénom', 30, 33, 2.4),
      label('Date de naissance', 30, 45, 2.4),
      label('N° candidat', 110, 45, 2.4),
      outline(lastName, rule),
      outline(firstName, rule),
      outline(birthDate, rule),
      outline(candidate, rule),
    ],
    fields: { lastName, firstName, birthDate },
    pageBox: () => [
      outline([{ x: 160, y: 272, width: 38, height: 12 }], { width: 0.35, color: PRINT_BLACK }),
      printedText('p.', 162, 280, 2.6, PRINT_BLACK),
      outline([...number, ...total], rule),
      printedText('/', 184.5, 280, 4.5, PRINT_BLACK, { anchor: 'middle' }),
    ],
    pageCells: { number, total },
    bodyTop: 64,
    jitter: true,
  };
}

/**
 * Held out. Tall boxes (5 × 8.5 mm): NOM (20 boxes) shares its row with a N° of 6 boxes on the right,
 * PRÉNOM of 18, the date 2 / 2 / 4 with slashes followed on its row by a "Session" of 4 boxes; thick grey
 * rules, labels on the right of the frame's title. Page box: one box per number, framed, bottom middle.
 */
function academie(): Printing {
  const rule = { width: 0.45, color: PRINT_GREY };
  const [w, h] = [5, 8.5];
  const lastName = boxes(44, 16, 20, w, h);
  const registration = boxes(160, 16, 6, w, h);
  const firstName = boxes(44, 30, 18, w, h);
  const gap = 4.5;
  const birthDate = groups(44, 44, [2, 2, 4], w, h, gap);
  const session = boxes(130, 44, 4, w, h);
  const number = boxes(128, 274, 1, 7.5, 9);
  const total = boxes(142, 274, 1, 7.5, 9);
  return {
    name: 'academie',
    header: () => [
      outline([{ x: 10, y: 6, width: 190, height: 52 }], { width: 0.6, color: PRINT_GREY }),
      printedText('Concours — Examen', 196, 11.5, 3, PRINT_BLACK, { bold: true, anchor: 'middle' }),
      label('Nom :', 14, 22),
      label('N°', 150, 22),
      label('Prénom :', 14, 36),
      label('Né(e) le :', 14, 50),
      label('Session', 116, 50, 2.6, false),
      outline(lastName, rule),
      outline(registration, rule),
      outline(firstName, rule),
      outline(birthDate, rule),
      outline(session, rule),
      slashAfter(birthDate[1] as Rect, gap, PRINT_GREY),
      slashAfter(birthDate[3] as Rect, gap, PRINT_GREY),
    ],
    fields: { lastName, firstName, birthDate },
    pageBox: () => [
      outline([{ x: 112, y: 271, width: 42, height: 14 }], { width: 0.4, color: PRINT_GREY }),
      printedText('Page', 114, 280.5, 3, PRINT_BLACK),
      outline([...number, ...total], rule),
      printedText('/', 138.5, 281, 5, PRINT_BLACK, { anchor: 'middle' }),
    ],
    pageCells: { number, total },
    bodyTop: 66,
    jitter: true,
  };
}

export const PRINTINGS: Readonly<Record<PrintingName, Printing>> = {
  ccyc,
  candidat: candidat(),
  inscription: inscription(),
  grid: grid(),
  academie: academie(),
};

/** The page's printed content and ink at `scale` about the page's centre, then shifted (mm). */
export function placed(elements: readonly Element[], scale: number, dx: number, dy: number): Element[] {
  const cx = 105;
  const cy = 148.5;
  const transform = `translate(${mm(cx + dx)} ${mm(cy + dy)}) scale(${scale.toFixed(4)}) translate(${-cx} ${-cy})`;
  return elements.map((element) => ({
    ...element,
    svg: `<g transform="${transform}">${element.svg}</g>`,
    box: {
      x: cx + dx + (element.box.x - cx) * scale,
      y: cy + dy + (element.box.y - cy) * scale,
      width: element.box.width * scale,
      height: element.box.height * scale,
    },
  }));
}
