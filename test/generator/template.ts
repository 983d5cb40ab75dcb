// The printed parts of the exam paper: the CCYC identification frame on P1, the page box on every page,
// the hatched band some versos carry, and the loose A4 annex form.
import { HATCH_GREY, PRINT_BLACK, PRINT_GREY, css, mm, printedText, type Element } from './scene';
import {
  ANNEX_HEADER,
  HEADER,
  PAGE_BOX,
  VERSO_BAND,
  boxRow,
  type IdentityLayout,
  type Rect,
} from './sheet-layout';

function strokedRects(rects: readonly Rect[], color = PRINT_GREY, width = 0.3): string {
  const body = rects
    .map((r) => `<rect x="${mm(r.x)}" y="${mm(r.y)}" width="${mm(r.width)}" height="${mm(r.height)}"/>`)
    .join('');
  return `<g fill="none" stroke="${css(color)}" stroke-width="${width}">${body}</g>`;
}

function bounds(rects: readonly Rect[]): Rect {
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.width));
  const y1 = Math.max(...rects.map((r) => r.y + r.height));
  return { x: x0 - 1, y: y0 - 1, width: x1 - x0 + 2, height: y1 - y0 + 2 };
}

function comb(boxes: readonly Rect[]): Element {
  return { svg: strokedRects(boxes), box: bounds(boxes), color: PRINT_GREY };
}

function dateSlashes(layout: IdentityLayout): Element[] {
  const slashBaseline = (layout.birthDate.boxes[0] as Rect).y + 5.8;
  return layout.birthDateSlashes.map((x) =>
    printedText('/', x, slashBaseline, 6, PRINT_GREY, { anchor: 'middle' }),
  );
}

export function headerTemplate(): Element[] {
  const { frame, lastName, firstName, birthDate, labelX } = HEADER;
  const slashes = dateSlashes(HEADER);
  return [
    { svg: strokedRects([frame], PRINT_BLACK, 0.4), box: bounds([frame]), color: PRINT_BLACK },
    printedText('Modèle CCYC : ©DNE', labelX, 12.2, 2.4, PRINT_BLACK, { bold: true }),
    printedText(lastName.label, labelX, lastName.labelBaseline, 3, PRINT_BLACK, { bold: true }),
    printedText('(naissance) :', labelX, lastName.labelBaseline + 3, 2.2, PRINT_BLACK),
    printedText("(Suivi, s'il y a lieu, du nom d'usage)", 58, 24.6, 2.2, PRINT_BLACK, { italic: true }),
    printedText(firstName.label, labelX, firstName.labelBaseline, 3, PRINT_BLACK, { bold: true }),
    printedText(birthDate.label, labelX, birthDate.labelBaseline, 3, PRINT_BLACK, { bold: true }),
    comb(lastName.boxes),
    comb(firstName.boxes),
    comb(birthDate.boxes),
    ...slashes,
    printedText('(Les numéros figurent sur la convocation.)', 125, 45.5, 2.2, PRINT_BLACK, { italic: true }),
    printedText('Épreuve :', labelX, 54.5, 2.8, PRINT_BLACK),
    {
      svg: `<line x1="30" y1="55" x2="110" y2="55" stroke="${css(PRINT_GREY)}" stroke-width="0.2" stroke-dasharray="0.6 0.8"/>`,
      box: { x: 29, y: 54, width: 82, height: 2 },
      color: PRINT_GREY,
    },
  ];
}

export function pageBoxTemplate(): Element[] {
  const { frame, number, total, labelBaseline, slashX } = PAGE_BOX;
  return [
    { svg: strokedRects([frame], PRINT_BLACK, 0.35), box: bounds([frame]), color: PRINT_BLACK },
    { svg: strokedRects([number, total]), box: bounds([number, total]), color: PRINT_GREY },
    printedText('Page', frame.x + 1.5, labelBaseline, 3, PRINT_BLACK),
    printedText('/', slashX, labelBaseline + 0.5, 5, PRINT_BLACK, { anchor: 'middle' }),
  ];
}

/**
 * 45° hatching around a blank label, computed segment by segment: a stencil has no "white", so the label
 * must be a gap in the lines, not a white box painted over them.
 */
export function versoBandTemplate(): Element[] {
  const { x, y, width, height } = VERSO_BAND;
  const label: Rect = { x: x + width / 2 - 38, y: y + height / 2 - 4, width: 76, height: 8 };
  const step = 2.2;
  let lines = '';
  for (let offset = step; offset < width + height; offset += step) {
    const from = { x: x + Math.max(0, offset - height), y: y + Math.min(offset, height) };
    const to = { x: x + Math.min(offset, width), y: y + Math.max(0, offset - width) };
    for (const [a, b] of outsideOf(label, from, to)) {
      lines += `<line x1="${mm(a.x)}" y1="${mm(a.y)}" x2="${mm(b.x)}" y2="${mm(b.y)}"/>`;
    }
  }
  return [
    {
      svg:
        `<g stroke="${css(HATCH_GREY)}" stroke-width="0.25">${lines}</g>` +
        strokedRects([label], HATCH_GREY, 0.25),
      box: bounds([VERSO_BAND]),
      color: HATCH_GREY,
    },
    printedText('NE RIEN ÉCRIRE DANS CE CADRE', x + width / 2, y + height / 2 + 1.3, 3.4, PRINT_GREY, {
      bold: true,
      anchor: 'middle',
    }),
  ];
}

type Point = { x: number; y: number };

/** The parts of segment a→b outside `rect` (Liang–Barsky clipping, kept inverted). */
function outsideOf(rect: Rect, a: Point, b: Point): [Point, Point][] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let enter = 0;
  let exit = 1;
  const edges: [number, number][] = [
    [-dx, a.x - rect.x],
    [dx, rect.x + rect.width - a.x],
    [-dy, a.y - rect.y],
    [dy, rect.y + rect.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return [[a, b]];
    } else if (p < 0) enter = Math.max(enter, q / p);
    else exit = Math.min(exit, q / p);
  }
  if (enter >= exit) return [[a, b]];
  const at = (t: number): Point => ({ x: a.x + t * dx, y: a.y + t * dy });
  const parts: [Point, Point][] = [];
  if (enter > 0) parts.push([a, at(enter)]);
  if (exit < 1) parts.push([at(exit), b]);
  return parts;
}

/** The grid of the annex's answer table; the annex's printed texts come with it. */
export const ANNEX_TABLE: Rect = { x: 20, y: 60, width: 170, height: 180 };
export const ANNEX_ROWS = 12;

/** A loose annex form nobody filled in: only a NOM comb, left empty. */
export function annexTemplate(): Element[] {
  const candidateBoxes = boxRow(58, 30, 20);
  return [
    printedText('ANNEXE À RENDRE AVEC LA COPIE', 105, 18, 4.2, PRINT_BLACK, { bold: true, anchor: 'middle' }),
    printedText('Modèle CMEN : ©NEOPTEC', 12, 27, 2.2, PRINT_BLACK, { bold: true }),
    printedText('NOM DE FAMILLE', 12, 35, 3, PRINT_BLACK, { bold: true }),
    comb(candidateBoxes),
    ...answerTable(),
  ];
}

/** A student's annex: the CMEN identification frame (NOM, PRÉNOM, date of birth) above the answer table. */
export function studentAnnexTemplate(): Element[] {
  const { frame, lastName, firstName, birthDate, labelX } = ANNEX_HEADER;
  return [
    printedText('ANNEXE À RENDRE AVEC LA COPIE', 105, 12, 4.2, PRINT_BLACK, { bold: true, anchor: 'middle' }),
    { svg: strokedRects([frame], PRINT_BLACK, 0.4), box: bounds([frame]), color: PRINT_BLACK },
    printedText('Modèle CMEN-DOC v2 : ©NEOPTEC', labelX, 20, 2.2, PRINT_BLACK, { bold: true }),
    ...[lastName, firstName, birthDate].map((field) =>
      printedText(field.label, labelX, field.labelBaseline, 3, PRINT_BLACK, { bold: true }),
    ),
    comb(lastName.boxes),
    comb(firstName.boxes),
    comb(birthDate.boxes),
    ...dateSlashes(ANNEX_HEADER),
    ...answerTable(),
  ];
}

function answerTable(): Element[] {
  const { x, y, width, height } = ANNEX_TABLE;
  const rowHeight = height / ANNEX_ROWS;
  const rows = Array.from({ length: ANNEX_ROWS }, (_, i) => ({
    x,
    y: y + i * rowHeight,
    width,
    height: rowHeight,
  }));
  const firstColumn = rows.map((r) => ({ ...r, width: 30 }));
  return [
    printedText('Document réponse', x, y - 4, 3.4, PRINT_BLACK, { italic: true }),
    { svg: strokedRects(rows, PRINT_BLACK, 0.3), box: bounds(rows), color: PRINT_BLACK },
    { svg: strokedRects(firstColumn, PRINT_BLACK, 0.3), box: bounds(firstColumn), color: PRINT_BLACK },
    ...rows.map((r, i) => printedText(`Q${i + 1}`, r.x + 3, r.y + rowHeight * 0.65, 3.2, PRINT_BLACK)),
  ];
}
