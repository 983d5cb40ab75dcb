// The cell classifier as trainable TensorFlow.js variables, laid out exactly as core/identify/recognize/
// cell-cnn.ts reads them. Runs on the wasm backend (XNNPACK), which lacks the convolution filter gradient:
// `conv3x3` supplies it as a convolution of the input with the output gradient.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { INPUT_HEIGHT, INPUT_WIDTH } from '../../core/identify/recognize/cell-input';

export async function useWasmBackend(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.ready();
}

/**
 * 3×3 'same' convolution with hand-written gradients: wasm lacks Conv2DBackpropFilter and its
 * Conv2DBackpropInput is a slow reference loop, while its forward convolution is XNNPACK's. Both gradients
 * are therefore written as forward convolutions. `inputGradient: false` skips dX for the network's input.
 */
function conv3x3(inputGradient: boolean) {
  return tf.customGrad((...args) => {
    const [input, filter, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([input, filter]);
    return {
      value: tf.conv2d(input, filter, 1, 'same'),
      gradFunc: (dy, saved) => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        const gradient = dy as tf.Tensor4D;
        // dX: the output gradient convolved with the filter turned 180° and its channels swapped.
        const dx = inputGradient
          ? tf.conv2d(gradient, tf.transpose(tf.reverse(ws, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D, 1, 'same')
          : tf.zerosLike(xs);
        // dW[ky,kx,i,o] = Σ_b,y,x X[b,y+ky-1,x+kx-1,i]·dY[b,y,x,o]: a 'valid' convolution of the padded
        // input (batch as channels) with the output gradient (batch as input channels).
        const padded = tf.pad(xs, [
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ]);
        const dw = tf.conv2d(
          tf.transpose(padded, [3, 1, 2, 0]) as tf.Tensor4D,
          tf.transpose(gradient, [1, 2, 0, 3]) as tf.Tensor4D,
          1,
          'valid',
        );
        return [dx, tf.transpose(dw, [1, 2, 0, 3])];
      },
    };
  });
}
const firstConv = conv3x3(false);
const innerConv = conv3x3(true);

export interface CnnShape {
  convChannels: number[];
  denseUnits: number[];
  classes: number;
}

export class TrainableCellCnn {
  /** Kernel then bias for each layer, in the model file's order. */
  readonly variables: tf.Variable[] = [];

  constructor(
    readonly shape: CnnShape,
    seed: number,
  ) {
    let channels = 1;
    let height = INPUT_HEIGHT;
    let width = INPUT_WIDTH;
    let nextSeed = seed;
    // He-uniform initial weights, each layer from its own seed.
    const weight = (dims: number[], fanIn: number) => {
      const limit = Math.sqrt(6 / fanIn);
      return tf.variable(tf.randomUniform(dims, -limit, limit, 'float32', nextSeed++));
    };
    for (const out of shape.convChannels) {
      this.variables.push(weight([3, 3, channels, out], 9 * channels), tf.variable(tf.zeros([out])));
      channels = out;
      height >>= 1;
      width >>= 1;
    }
    let inputs = height * width * channels;
    for (const units of [...shape.denseUnits, shape.classes]) {
      this.variables.push(weight([inputs, units], inputs), tf.variable(tf.zeros([units])));
      inputs = units;
    }
  }

  /** Logits for a batch [n, INPUT_HEIGHT, INPUT_WIDTH, 1]; `dropout` > 0 only while training. */
  logits(batch: tf.Tensor4D, dropout = 0, dropoutSeed = 0): tf.Tensor2D {
    let h: tf.Tensor = batch;
    let v = 0;
    for (let i = 0; i < this.shape.convChannels.length; i++) {
      const kernel = this.variables[v++] as tf.Variable;
      const bias = this.variables[v++] as tf.Variable;
      const conv = i === 0 ? firstConv : innerConv;
      h = tf.maxPool(
        tf.relu(tf.add(conv(h as tf.Tensor4D, kernel as tf.Tensor4D), bias)) as tf.Tensor4D,
        2,
        2,
        'valid',
      );
    }
    h = tf.reshape(h, [batch.shape[0], -1]);
    const layers = this.shape.denseUnits.length + 1;
    for (let i = 0; i < layers; i++) {
      const kernel = this.variables[v++] as tf.Variable;
      const bias = this.variables[v++] as tf.Variable;
      if (i === layers - 1 && dropout > 0) h = tf.dropout(h, dropout, undefined, dropoutSeed);
      h = tf.add(tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D), bias);
      if (i < layers - 1) h = tf.relu(h);
    }
    return h as tf.Tensor2D;
  }

  /** All weights, little-endian float32 in file order, base64. */
  exportWeights(): string {
    const parts = this.variables.map((variable) => variable.dataSync() as Float32Array);
    const total = parts.reduce((n, part) => n + part.length, 0);
    const bytes = Buffer.alloc(total * 4);
    let offset = 0;
    for (const part of parts) {
      for (const value of part) offset = bytes.writeFloatLE(value, offset);
    }
    return bytes.toString('base64');
  }
}
