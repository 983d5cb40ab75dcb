// Simulated reader output, to test matching without rendering pages. A written box is read through a
// Gaussian "evidence" model: the true character gets a head start, characters of similar shape (O/0/D/Q,
// I/1/L/J, ...) part of it, and noise does the rest. The honest reader reports the exact Bayes posterior of
// that model (so its probabilities are calibrated); the over-confident one reports the same best guesses
// pushed toward certainty, as classifiers trained without calibration do.
import type { CellReading, FieldReading, HeaderReading, PageBoxReading } from '../../../core/identify/types';
import { DIGIT_ALPHABET, NAME_ALPHABET } from '../../../core/identify/types';
import { Random } from '../../generator/random';

export type Confidence = 'honest' | 'overconfident';

export interface ReaderModel {
  /** Share of written boxes whose best character is the one written (0..1). */
  accuracy: number;
  confidence: Confidence;
  /** Share of boxes whose ink/no-ink call is wrong (a stray mark, a faint letter). */
  inkError?: number;
}

/** Characters a reader mixes up, letters and digits together; each alphabet keeps its own members. */
const SIMILAR_SHAPES = [
  'O0DQ',
  'I1LJ',
  'S5',
  'B8',
  'EF',
  'MNH',
  'UV',
  'Z2',
  'G6C',
  'T7',
  'A4',
  'PR',
  'KX',
  'Y',
];
/** How much of the true character's evidence a similar shape gets. */
const SIMILAR_SHARE = 0.6;
/** The over-confident reader's sharpening exponent. */
const OVERCONFIDENCE = 3;
const DEFAULT_INK_ERROR = 0.01;

interface AlphabetModel {
  alphabet: string;
  /** For each character, the indices of the other characters of similar shape. */
  similar: number[][];
}

function alphabetModel(alphabet: string): AlphabetModel {
  const similar = [...alphabet].map((char) => {
    const group = SIMILAR_SHAPES.find((g) => g.includes(char)) ?? '';
    return [...group].filter((c) => c !== char && alphabet.includes(c)).map((c) => alphabet.indexOf(c));
  });
  return { alphabet, similar };
}

const MODELS = { name: alphabetModel(NAME_ALPHABET), digit: alphabetModel(DIGIT_ALPHABET) };

function observe(model: AlphabetModel, truth: number, strength: number, rng: Random): Float64Array {
  const x = new Float64Array(model.alphabet.length);
  for (let c = 0; c < x.length; c++) x[c] = rng.gaussian();
  x[truth] = (x[truth] as number) + strength;
  for (const s of model.similar[truth] ?? []) x[s] = (x[s] as number) + SIMILAR_SHARE * strength;
  return x;
}

/** log P(character | observation) up to a constant, for the Gaussian model above with unit noise. */
function logPosterior(model: AlphabetModel, x: Float64Array, strength: number): Float64Array {
  const gamma = SIMILAR_SHARE * strength;
  return Float64Array.from(x, (xc, c) => {
    const similar = model.similar[c] ?? [];
    const dot = strength * xc + gamma * similar.reduce((sum, s) => sum + (x[s] as number), 0);
    const norm = strength * strength + gamma * gamma * similar.length;
    return dot - norm / 2;
  });
}

function softmax(logits: Float64Array, sharpen: number): number[] {
  const max = Math.max(...logits);
  const e = Array.from(logits, (l) => Math.exp(sharpen * (l - max)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

const strengthCache = new Map<string, number>();

/** The evidence strength at which the best guess is right `accuracy` of the time (bisection, fixed seed). */
function strengthFor(model: AlphabetModel, accuracy: number): number {
  const key = `${model.alphabet}|${accuracy}`;
  const cached = strengthCache.get(key);
  if (cached !== undefined) return cached;
  const measure = (strength: number) => {
    const rng = new Random(12345);
    let right = 0;
    const trials = 3000;
    for (let t = 0; t < trials; t++) {
      const truth = rng.int(0, model.alphabet.length - 1);
      if (argmax(logPosterior(model, observe(model, truth, strength, rng), strength)) === truth) right++;
    }
    return right / trials;
  };
  let low = 0;
  let high = 12;
  for (let step = 0; step < 22; step++) {
    const mid = (low + high) / 2;
    if (measure(mid) < accuracy) low = mid;
    else high = mid;
  }
  strengthCache.set(key, high);
  return high;
}

/** One box as the reader sees it; `char` '' is a box left empty. */
export function readCell(
  char: string,
  kind: 'name' | 'digit',
  reader: ReaderModel,
  rng: Random,
): CellReading {
  const model = MODELS[kind];
  const inkError = reader.inkError ?? DEFAULT_INK_ERROR;
  const written = char !== '';
  const inkWrong = rng.chance(inkError);
  const empty = written === inkWrong ? rng.range(0.9, 0.999) : rng.range(0.001, 0.05);
  const sharpen = reader.confidence === 'overconfident' ? OVERCONFIDENCE : 1;
  const index = written ? model.alphabet.indexOf(char) : -1;
  if (index < 0) {
    // An empty box, or a character outside the alphabet: whatever the classifier makes of the smudge.
    const noise = Float64Array.from(model.alphabet, () => rng.gaussian());
    return { empty, probs: softmax(noise, sharpen) };
  }
  const strength = strengthFor(model, reader.accuracy);
  const probs = softmax(logPosterior(model, observe(model, index, strength, rng), strength), sharpen);
  return { empty, probs };
}

export function readField(
  text: string,
  boxes: number,
  kind: 'name' | 'digit',
  reader: ReaderModel,
  rng: Random,
): FieldReading {
  const chars = [...text].slice(0, boxes);
  return {
    alphabet: MODELS[kind].alphabet,
    cells: Array.from({ length: boxes }, (_, i) => readCell((chars[i] ?? ' ').trim(), kind, reader, rng)),
  };
}

/** Box counts of the CCYC header the generator draws (test/generator/sheet-layout.ts). */
export const HEADER_BOXES = { lastName: 24, firstName: 20, birthDate: 8 } as const;

/** What a student wrote, one character per box; a space is a box left empty. */
export interface WrittenHeader {
  lastName: string;
  firstName: string;
  /** ddmmyyyy */
  birthDate: string;
}

export function readHeader(written: WrittenHeader, reader: ReaderModel, rng: Random): HeaderReading {
  return {
    lastName: readField(written.lastName, HEADER_BOXES.lastName, 'name', reader, rng),
    firstName: readField(written.firstName, HEADER_BOXES.firstName, 'name', reader, rng),
    birthDate: readField(written.birthDate, HEADER_BOXES.birthDate, 'digit', reader, rng),
    empty: false,
  };
}

/** A header with no ink: the reader says so and every box reads empty. */
export function readEmptyHeader(reader: ReaderModel, rng: Random): HeaderReading {
  return { ...readHeader({ lastName: '', firstName: '', birthDate: '' }, reader, rng), empty: true };
}

/** "Page n / N" with each number in two digit cells (tens, units; a single digit in the first). */
export function readPageBox(
  pageBox: [number, number] | null,
  reader: ReaderModel,
  rng: Random,
): PageBoxReading {
  const [n, total] = pageBox ?? [null, null];
  const number = readField(n === null ? '' : String(n), 2, 'digit', reader, rng);
  const totalField = readField(total === null ? '' : String(total), 2, 'digit', reader, rng);
  const bestOf = (field: FieldReading): number | null => {
    const digits = field.cells
      .filter((cell) => cell.empty < 0.5)
      .map((cell) => DIGIT_ALPHABET[argmax(cell.probs)])
      .join('');
    return digits === '' ? null : Number(digits);
  };
  const best = { number: bestOf(number), total: bestOf(totalField) };
  return { number, total: totalField, best, empty: best.number === null && best.total === null };
}

/** A box read without doubt: 90 % on the written character, the rest spread evenly. */
export function sureCell(char: string, kind: 'name' | 'digit'): CellReading {
  const alphabet = MODELS[kind].alphabet;
  const index = char === '' ? -1 : alphabet.indexOf(char);
  if (index < 0) return { empty: 0.99, probs: [...alphabet].map(() => 1 / alphabet.length) };
  const rest = 0.1 / (alphabet.length - 1);
  return { empty: 0.01, probs: [...alphabet].map((_, i) => (i === index ? 0.9 : rest)) };
}

function sureField(text: string, boxes: number, kind: 'name' | 'digit'): FieldReading {
  const chars = [...text].slice(0, boxes);
  return {
    alphabet: MODELS[kind].alphabet,
    cells: Array.from({ length: boxes }, (_, i) => sureCell((chars[i] ?? ' ').trim(), kind)),
  };
}

/** The header exactly as written, read by a good reader: for cases where the reading is not the point. */
export function sureHeader(written: WrittenHeader): HeaderReading {
  return {
    lastName: sureField(written.lastName, HEADER_BOXES.lastName, 'name'),
    firstName: sureField(written.firstName, HEADER_BOXES.firstName, 'name'),
    birthDate: sureField(written.birthDate, HEADER_BOXES.birthDate, 'digit'),
    empty: false,
  };
}

/** A "Page n / N" box read without doubt; null leaves it empty. */
export function surePageBox(pageBox: [number, number] | null): PageBoxReading {
  const [n, total] = pageBox ?? [null, null];
  return {
    number: sureField(n === null ? '' : String(n), 2, 'digit'),
    total: sureField(total === null ? '' : String(total), 2, 'digit'),
    best: { number: n, total },
    empty: pageBox === null,
  };
}
