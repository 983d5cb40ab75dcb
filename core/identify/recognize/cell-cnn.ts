// The shipped cell classifier's forward pass, in plain TypeScript: a few 3×3 convolutions (each followed by
// ReLU and 2×2 max pooling) and dense layers, about a million multiply-adds per cell. Written out here rather
// than run through a tensor library so that reading needs no native or wasm dependency; the training script
// checks that this code and the library it trained with give the same outputs.
import { INPUT_HEIGHT, INPUT_WIDTH } from './cell-input';

/** The model file (resources/models/cell-cnn.json). */
export interface CellCnnFile {
  format: 'korrigo-cell-cnn';
  version: 1;
  input: { width: number; height: number };
  /** Output order: '' (empty box) then one character per output. */
  classes: string[];
  /** Output channels of each conv block (3×3 'same' conv, ReLU, 2×2 max pool), input channel 1. */
  convChannels: number[];
  /** Units of each hidden dense layer (ReLU); a last dense layer maps to the classes. */
  denseUnits: number[];
  /** Logits are divided by this before the softmax (fitted on fonts the network never trained on). */
  temperature: number;
  /**
   * Little-endian float32, base64: per conv block its kernel [3][3][in][out] then bias [out], per dense
   * layer its kernel [in][out] then bias [out] (the tensor layout the training library uses).
   */
  weights: string;
  /** How the model was made (fonts, seed, sizes, measured accuracy): for people, not read by code. */
  training: Record<string, unknown>;
}

interface Layer {
  inputs: number;
  outputs: number;
  weights: Float64Array;
  bias: Float64Array;
}

/**
 * A convolution block's working arrays, made once per network and reused for every cell (a cell's pass is
 * synchronous): a side's forty cells no longer leave some 6 MB behind for the garbage collector.
 */
interface ConvBuffers {
  patch: Float64Array;
  /** Where the patch is not 0, in patch order. */
  inked: Int32Array;
  full: Float64Array;
  pooled: Float64Array;
}

/** Dense weights (file layout inputs × outputs) transposed to outputs × inputs: one dot product per output. */
function byOutput(kernel: Float32Array, inputs: number, outputs: number): Float64Array {
  const out = new Float64Array(kernel.length);
  for (let i = 0; i < inputs; i++) {
    for (let o = 0; o < outputs; o++) out[o * inputs + i] = kernel[i * outputs + o] as number;
  }
  return out;
}

/**
 * Convolution weights (file layout patch × outputs) regrouped by eight outputs (four for the last when
 * they are not a multiple of eight): for each group, each patch value's weights sit side by side, so one
 * pass over the patch feeds a group's sums. Group `o0` starts at `o0 * inputs`.
 */
function byOutputGroups(kernel: Float32Array, inputs: number, outputs: number): Float64Array {
  const out = new Float64Array(kernel.length);
  for (let o0 = 0; o0 < outputs; o0 += groupSize(o0, outputs)) {
    const size = groupSize(o0, outputs);
    for (let q = 0; q < inputs; q++) {
      for (let o = o0; o < o0 + size; o++)
        out[o0 * inputs + q * size + o - o0] = kernel[q * outputs + o] as number;
    }
  }
  return out;
}

/** Outputs are multiples of four: eight at a time, four for the last when eight do not fit. */
const groupSize = (o0: number, outputs: number): number => (o0 + 8 <= outputs ? 8 : 4);

/**
 * 3×3 'same' convolution, ReLU, 2×2 max pooling; tensors are height × width × channels. Each output pixel
 * gathers its 3×3×channels patch once, then accumulates eight output channels per pass over it.
 */
function convBlock(
  input: Float64Array,
  height: number,
  width: number,
  conv: Layer,
  { patch, inked, full, pooled }: ConvBuffers,
): Float64Array {
  const channels = conv.inputs / 9;
  const { inputs, outputs, weights, bias } = conv;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let p = 0;
      let count = 0;
      for (let sy = y - 1; sy <= y + 1; sy++) {
        for (let sx = x - 1; sx <= x + 1; sx++) {
          const inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
          const source = (sy * width + sx) * channels;
          for (let c = 0; c < channels; c++, p++) {
            const value = inside ? (input[source + c] as number) : 0;
            patch[p] = value;
            if (value !== 0) inked[count++] = p;
          }
        }
      }
      const out = (y * width + x) * outputs;
      // Each sum adds its patch's products in patch order, skipping the zeros that paper and ReLU leave:
      // they are found once for all groups of outputs.
      let o = 0;
      for (; o + 8 <= outputs; o += 8) {
        let s0 = bias[o] as number;
        let s1 = bias[o + 1] as number;
        let s2 = bias[o + 2] as number;
        let s3 = bias[o + 3] as number;
        let s4 = bias[o + 4] as number;
        let s5 = bias[o + 5] as number;
        let s6 = bias[o + 6] as number;
        let s7 = bias[o + 7] as number;
        const group = o * inputs;
        for (let k = 0; k < count; k++) {
          const q = inked[k] as number;
          const value = patch[q] as number;
          const w = group + 8 * q;
          s0 += value * (weights[w] as number);
          s1 += value * (weights[w + 1] as number);
          s2 += value * (weights[w + 2] as number);
          s3 += value * (weights[w + 3] as number);
          s4 += value * (weights[w + 4] as number);
          s5 += value * (weights[w + 5] as number);
          s6 += value * (weights[w + 6] as number);
          s7 += value * (weights[w + 7] as number);
        }
        full[out + o] = s0;
        full[out + o + 1] = s1;
        full[out + o + 2] = s2;
        full[out + o + 3] = s3;
        full[out + o + 4] = s4;
        full[out + o + 5] = s5;
        full[out + o + 6] = s6;
        full[out + o + 7] = s7;
      }
      if (o < outputs) {
        let s0 = bias[o] as number;
        let s1 = bias[o + 1] as number;
        let s2 = bias[o + 2] as number;
        let s3 = bias[o + 3] as number;
        const group = o * inputs;
        for (let k = 0; k < count; k++) {
          const q = inked[k] as number;
          const value = patch[q] as number;
          const w = group + 4 * q;
          s0 += value * (weights[w] as number);
          s1 += value * (weights[w + 1] as number);
          s2 += value * (weights[w + 2] as number);
          s3 += value * (weights[w + 3] as number);
        }
        full[out + o] = s0;
        full[out + o + 1] = s1;
        full[out + o + 2] = s2;
        full[out + o + 3] = s3;
      }
    }
  }
  const pooledHeight = height >> 1;
  const pooledWidth = width >> 1;
  for (let y = 0; y < pooledHeight; y++) {
    for (let x = 0; x < pooledWidth; x++) {
      const topLeft = (2 * y * width + 2 * x) * outputs;
      const bottomLeft = topLeft + width * outputs;
      for (let o = 0; o < outputs; o++) {
        // max(0, ·) after the max is ReLU before it: the same value, four times fewer comparisons.
        pooled[(y * pooledWidth + x) * outputs + o] = Math.max(
          0,
          full[topLeft + o] as number,
          full[topLeft + outputs + o] as number,
          full[bottomLeft + o] as number,
          full[bottomLeft + outputs + o] as number,
        );
      }
    }
  }
  return pooled;
}

function dense(input: Float64Array, layer: Layer, relu: boolean): Float64Array {
  const out = new Float64Array(layer.outputs);
  for (let o = 0; o < layer.outputs; o++) {
    let sum = layer.bias[o] as number;
    const row = o * layer.inputs;
    for (let i = 0; i < layer.inputs; i++) sum += (input[i] as number) * (layer.weights[row + i] as number);
    out[o] = relu ? Math.max(0, sum) : sum;
  }
  return out;
}

export class CellCnn {
  private readonly buffers: ConvBuffers[];

  private constructor(
    private readonly convs: Layer[],
    private readonly denses: Layer[],
    readonly classes: string[],
    readonly temperature: number,
  ) {
    let height = INPUT_HEIGHT;
    let width = INPUT_WIDTH;
    this.buffers = convs.map(({ inputs, outputs }) => {
      const full = new Float64Array(height * width * outputs);
      height >>= 1;
      width >>= 1;
      return {
        patch: new Float64Array(inputs),
        inked: new Int32Array(inputs),
        full,
        pooled: new Float64Array(height * width * outputs),
      };
    });
  }

  /** Builds the network from a model file; throws when the file does not fit its own description. */
  static fromFile(file: CellCnnFile): CellCnn {
    if (file.format !== 'korrigo-cell-cnn' || file.version !== 1) {
      throw new Error(
        `Not a version 1 korrigo-cell-cnn model (format ${file.format}, version ${file.version}).`,
      );
    }
    if (file.input.width !== INPUT_WIDTH || file.input.height !== INPUT_HEIGHT) {
      throw new Error(
        `The model expects ${file.input.width}×${file.input.height} cells, the reader makes ${INPUT_WIDTH}×${INPUT_HEIGHT}.`,
      );
    }
    const bytes = Buffer.from(file.weights, 'base64');
    const floats = new Float32Array(bytes.length / 4);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    for (let i = 0; i < floats.length; i++) floats[i] = view.getFloat32(i * 4, true);
    let offset = 0;
    const take = (count: number): Float32Array => {
      if (offset + count > floats.length)
        throw new Error('The model file holds fewer weights than its layers need.');
      const slice = floats.subarray(offset, offset + count);
      offset += count;
      return slice;
    };
    let channels = 1;
    let height = file.input.height;
    let width = file.input.width;
    const layer = (inputs: number, outputs: number, arrange: typeof byOutput): Layer => ({
      inputs,
      outputs,
      weights: arrange(take(inputs * outputs), inputs, outputs),
      bias: Float64Array.from(take(outputs)),
    });
    const convs = file.convChannels.map((outputs) => {
      if (outputs % 4 !== 0) throw new Error(`Convolution widths must be multiples of 4, got ${outputs}.`);
      const conv = layer(9 * channels, outputs, byOutputGroups);
      channels = outputs;
      height >>= 1;
      width >>= 1;
      return conv;
    });
    let inputs = height * width * channels;
    const denses = [...file.denseUnits, file.classes.length].map((outputs) => {
      const dense = layer(inputs, outputs, byOutput);
      inputs = outputs;
      return dense;
    });
    if (offset !== floats.length) throw new Error('The model file holds more weights than its layers use.');
    return new CellCnn(convs, denses, file.classes, file.temperature);
  }

  /** Raw scores (before temperature and softmax) for one input made by cellToInput. */
  logits(input: Float32Array): Float64Array {
    let height = INPUT_HEIGHT;
    let width = INPUT_WIDTH;
    let tensor: Float64Array = Float64Array.from(input);
    for (const [i, conv] of this.convs.entries()) {
      tensor = convBlock(tensor, height, width, conv, this.buffers[i]!);
      height >>= 1;
      width >>= 1;
    }
    this.denses.forEach((layer, i) => {
      tensor = dense(tensor, layer, i < this.denses.length - 1);
    });
    return tensor;
  }
}
