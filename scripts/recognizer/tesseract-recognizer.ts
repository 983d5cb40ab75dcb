// The baseline the shipped classifier was measured against: tesseract.js reading one cell at a time in
// single-character mode, its whitelist set to the field's alphabet, with the traineddata the
// @tesseract.js-data package ships (never downloaded). Tesseract returns its best character and a confidence
// but no alternatives (its per-symbol choice list is not exposed by tesseract.js 7), so the distribution is
// that confidence on the best character and the rest spread evenly; no character means an empty box.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import type { CellImage, CellReading } from '../../core/identify/types';
import type { Recognizer } from '../../core/identify/recognize/recognizer';

const require = createRequire(import.meta.url);
const LANG_PATH = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

/** Tesseract reads best with capitals ~40 px tall and white space around them. */
const TARGET_HEIGHT = 64;
const PAD = 16;
const EMPTY_WHEN_NOTHING = 0.9;
const EMPTY_WHEN_READ = 0.05;

async function toPng(cell: CellImage): Promise<Buffer> {
  return sharp(Buffer.from(cell.data), { raw: { width: cell.width, height: cell.height, channels: 1 } })
    .resize({ height: TARGET_HEIGHT })
    .extend({ top: PAD, bottom: PAD, left: PAD, right: PAD, background: '#ffffff' })
    .png()
    .toBuffer();
}

function spread(alphabet: string, best: string | null, confidence: number): number[] {
  if (best === null) return [...alphabet].map(() => 1 / alphabet.length);
  const p = Math.min(0.99, Math.max(1 / alphabet.length, confidence / 100));
  return [...alphabet].map((char) => (char === best ? p : (1 - p) / (alphabet.length - 1)));
}

export async function createTesseractRecognizer(): Promise<Recognizer> {
  const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
    langPath: LANG_PATH,
    cacheMethod: 'none',
    gzip: true,
  });
  let whitelist = '';
  return {
    async read(cells: readonly CellImage[], alphabet: string): Promise<CellReading[]> {
      if (alphabet !== whitelist) {
        await worker.setParameters({
          tessedit_pageseg_mode: Tesseract.PSM.SINGLE_CHAR,
          tessedit_char_whitelist: alphabet,
          user_defined_dpi: '300',
        });
        whitelist = alphabet;
      }
      const readings: CellReading[] = [];
      for (const cell of cells) {
        const { data } = await worker.recognize(await toPng(cell), {}, { blocks: true, text: true });
        const symbol = data.blocks?.[0]?.paragraphs[0]?.lines[0]?.words[0]?.symbols[0];
        const best = symbol && alphabet.includes(symbol.text) ? symbol.text : null;
        readings.push({
          empty: best === null ? EMPTY_WHEN_NOTHING : EMPTY_WHEN_READ,
          probs: spread(alphabet, best, symbol?.confidence ?? 0),
        });
      }
      return readings;
    },
    async close(): Promise<void> {
      await worker.terminate();
    },
  };
}
