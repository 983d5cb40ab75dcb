// Synthetic cells turned into what the network consumes: inputs through the reader's own cellToInput, and
// class indices.
import { classOf } from '../../core/identify/recognize/cell-classes';
import { INPUT_HEIGHT, INPUT_WIDTH, cellToInput } from '../../core/identify/recognize/cell-input';
import { synthesizeCells, type CellSetSpec } from './synth/cell-set';

export const INPUT_SIZE = INPUT_WIDTH * INPUT_HEIGHT;

export interface CellTensors {
  count: number;
  /** count × INPUT_SIZE */
  inputs: Float32Array;
  labels: Int32Array;
}

/** `expected` is a first guess at the number of cells, to size the arrays (they grow past it). */
export async function synthesizeTensors(spec: CellSetSpec, expected: number): Promise<CellTensors> {
  let inputs = new Float32Array(expected * INPUT_SIZE);
  let labels = new Int32Array(expected);
  let count = 0;
  for await (const sample of synthesizeCells(spec)) {
    if (count === labels.length) {
      const grown = new Float32Array(inputs.length * 2);
      grown.set(inputs);
      inputs = grown;
      const grownLabels = new Int32Array(labels.length * 2);
      grownLabels.set(labels);
      labels = grownLabels;
    }
    cellToInput(sample.cell, inputs.subarray(count * INPUT_SIZE, (count + 1) * INPUT_SIZE));
    labels[count] = classOf(sample.label);
    count++;
  }
  return { count, inputs: inputs.subarray(0, count * INPUT_SIZE), labels: labels.subarray(0, count) };
}
