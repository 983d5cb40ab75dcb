// The shipped forward pass is hand-optimised (weights regrouped, four outputs per pass, zeros skipped):
// check it against the textbook definition of the same network on the shipped weights.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CellCnn, type CellCnnFile } from '../../../core/identify/recognize/cell-cnn';
import { INPUT_HEIGHT, INPUT_WIDTH } from '../../../core/identify/recognize/cell-input';
import { defaultModelPath } from '../../../core/identify/recognize/create-recognizer';

function weightsOf(file: CellCnnFile): Float32Array {
  const bytes = Buffer.from(file.weights, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

/** conv 'same' + ReLU + 2×2 max pool, then dense layers, straight from the definitions (HWC layout). */
function referenceLogits(file: CellCnnFile, input: Float32Array): number[] {
  const w = weightsOf(file);
  let offset = 0;
  let h = INPUT_HEIGHT;
  let wd = INPUT_WIDTH;
  let c = 1;
  let x: number[] = Array.from(input);
  for (const out of file.convChannels) {
    const kernel = (ky: number, kx: number, i: number, o: number) =>
      w[offset + ((ky * 3 + kx) * c + i) * out + o] as number;
    const bias = (o: number) => w[offset + 9 * c * out + o] as number;
    const conv = (yy: number, xx: number, o: number) => {
      let sum = bias(o);
      for (let ky = 0; ky < 3; ky++)
        for (let kx = 0; kx < 3; kx++)
          for (let i = 0; i < c; i++) {
            const sy = yy + ky - 1;
            const sx = xx + kx - 1;
            if (sy >= 0 && sy < h && sx >= 0 && sx < wd)
              sum += (x[(sy * wd + sx) * c + i] as number) * kernel(ky, kx, i, o);
          }
      return Math.max(0, sum);
    };
    const next: number[] = [];
    for (let yy = 0; yy < h >> 1; yy++)
      for (let xx = 0; xx < wd >> 1; xx++)
        for (let o = 0; o < out; o++)
          next.push(
            Math.max(
              conv(2 * yy, 2 * xx, o),
              conv(2 * yy, 2 * xx + 1, o),
              conv(2 * yy + 1, 2 * xx, o),
              conv(2 * yy + 1, 2 * xx + 1, o),
            ),
          );
    offset += 9 * c * out + out;
    x = next;
    h >>= 1;
    wd >>= 1;
    c = out;
  }
  const sizes = [...file.denseUnits, file.classes.length];
  sizes.forEach((out, layer) => {
    const inputs = x.length;
    const next = Array.from({ length: out }, (_, o) => {
      let sum = w[offset + inputs * out + o] as number;
      for (let i = 0; i < inputs; i++) sum += (x[i] as number) * (w[offset + i * out + o] as number);
      return layer < sizes.length - 1 ? Math.max(0, sum) : sum;
    });
    offset += inputs * out + out;
    x = next;
  });
  return x;
}

describe('CellCnn', () => {
  const file = JSON.parse(readFileSync(defaultModelPath(), 'utf8')) as CellCnnFile;
  const cnn = CellCnn.fromFile(file);

  it('computes what the network definition says, on the shipped weights', () => {
    let state = 11;
    for (let sample = 0; sample < 3; sample++) {
      const input = Float32Array.from({ length: INPUT_WIDTH * INPUT_HEIGHT }, () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % 3 === 0 ? 0 : (state % 1000) / 1000;
      });
      const expected = referenceLogits(file, input);
      const actual = cnn.logits(input);
      expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, 4));
    }
  });

  it('refuses a model file whose weights do not fit its layers', () => {
    const truncated = {
      ...file,
      weights: Buffer.from(file.weights, 'base64').subarray(0, 400).toString('base64'),
    };
    expect(() => CellCnn.fromFile(truncated)).toThrow(/fewer weights/);
  });
});
