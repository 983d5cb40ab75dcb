// The shipped cell reader: the small convolutional classifier in resources/models/cell-cnn.json, trained by
// scripts/recognizer/train.ts. It won the comparison with tesseract.js (scripts/recognizer/evaluate.ts): on
// handwriting fonts it never trained on, 77 % of capitals and 89 % of digits right (tesseract: 41 %, 56 %),
// probabilities within a few points of honest, ~1.5 ms of CPU a cell (tesseract: ~9 ms).
// Everything is local: the model is one JSON file read from disk, nothing is downloaded.
import { readFile } from 'node:fs/promises';
import { KorrigoError } from '../../errors';
import { resourcePath } from '../../resources';
import type { CellImage, CellReading } from '../types';
import { CLASS_CHARS } from './cell-classes';
import { CellCnn, type CellCnnFile } from './cell-cnn';
import { INPUT_HEIGHT, INPUT_WIDTH, cellToInput } from './cell-input';
import type { Recognizer } from './recognizer';

/** The model shipped in resources/models. */
export const defaultModelPath = (): string => resourcePath('models', 'cell-cnn.json');

/**
 * Share of each probability spread evenly over the alternatives, so that no character is ever impossible:
 * the matcher multiplies probabilities along a name, and one overconfident zero would veto the right student.
 */
const FLOOR = 0.01;
/** Cells read between two yields to the event loop, so a big batch does not stall the process. */
const CHUNK = 64;

export interface RecognizerOptions {
  /** The model file; by default the one shipped in resources/models. */
  modelPath?: string;
}

function checkAlphabet(alphabet: string): number[] {
  const indices = [...alphabet].map((char) => CLASS_CHARS.indexOf(char) + 1);
  const unknown = [...alphabet].filter((_, i) => indices[i] === 0);
  if (alphabet.length === 0 || unknown.length > 0 || new Set(alphabet).size !== alphabet.length) {
    throw new Error(
      `The cell reader reads alphabets of distinct characters among ${CLASS_CHARS}, not ${JSON.stringify(alphabet)}.`,
    );
  }
  return indices;
}

function reading(logits: Float64Array, temperature: number, indices: readonly number[]): CellReading {
  let max = -Infinity;
  for (const value of logits) max = Math.max(max, value / temperature);
  const exp = Array.from(logits, (value) => Math.exp(value / temperature - max));
  const emptyScore = exp[0] as number;
  const charScores = indices.map((index) => exp[index] as number);
  const charTotal = charScores.reduce((a, b) => a + b, 0);
  const empty = emptyScore / (emptyScore + charTotal);
  return {
    empty: (1 - FLOOR) * empty + FLOOR / 2,
    probs: charScores.map((score) => (1 - FLOOR) * (score / charTotal) + FLOOR / indices.length),
  };
}

async function loadModel(path: string): Promise<CellCnn> {
  try {
    const cnn = CellCnn.fromFile(JSON.parse(await readFile(path, 'utf8')) as CellCnnFile);
    const expected = ['', ...CLASS_CHARS];
    if (cnn.classes.length !== expected.length || cnn.classes.some((label, i) => label !== expected[i])) {
      throw new Error(
        `its outputs are ${JSON.stringify(cnn.classes)}, the reader expects ${JSON.stringify(expected)}`,
      );
    }
    return cnn;
  } catch (error) {
    throw new KorrigoError(
      'internal',
      `The cell classifier model ${path} cannot be loaded: ${(error as Error).message}`,
      {
        hint: 'Reinstall the station: its resources/models folder is damaged.',
        cause: error,
      },
    );
  }
}

export async function createRecognizer(options: RecognizerOptions = {}): Promise<Recognizer> {
  const cnn = await loadModel(options.modelPath ?? defaultModelPath());
  const input = new Float32Array(INPUT_WIDTH * INPUT_HEIGHT);
  let closed = false;
  return {
    async read(cells: readonly CellImage[], alphabet: string): Promise<CellReading[]> {
      if (closed) throw new Error('This cell reader has been closed.');
      const indices = checkAlphabet(alphabet);
      const readings: CellReading[] = [];
      for (const [i, cell] of cells.entries()) {
        if (i > 0 && i % CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
        readings.push(reading(cnn.logits(cellToInput(cell, input)), cnn.temperature, indices));
      }
      return readings;
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
