// How good and how honest a reader's probabilities are. The matcher multiplies them across a name, so a
// confident wrong character costs more than an unsure one: calibration matters as much as accuracy.

/** Softmax of `logits / temperature`, in float64. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, (logits[i] as number) / temperature);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp((logits[i] as number) / temperature - max);
    sum += out[i] as number;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** The temperature that minimises the mean negative log-likelihood of the labels (grid search). */
export function fitTemperature(logits: Float32Array, labels: Int32Array, classes: number): number {
  let best = { temperature: 1, nll: Infinity };
  for (let temperature = 0.5; temperature <= 6; temperature += 0.05) {
    let nll = 0;
    for (let i = 0; i < labels.length; i++) {
      const p = softmax(logits.subarray(i * classes, (i + 1) * classes), temperature)[
        labels[i] as number
      ] as number;
      nll -= Math.log(Math.max(p, 1e-12));
    }
    if (nll < best.nll) best = { temperature, nll };
  }
  return Number(best.temperature.toFixed(2));
}

/** One read cell: what the reader believed and what was written ('' = empty box). */
export interface Judged {
  truth: string;
  /** Candidates best first with their probability (including '' for empty), over the cell's alphabet. */
  ranked: { label: string; p: number }[];
}

export interface Scores {
  cells: number;
  top1: number;
  top3: number;
  /** Mean −ln p(truth). */
  nll: number;
  /** Expected calibration error of the top-1 confidence, 10 bins. */
  ece: number;
  /** Mean top-1 confidence (compare with top1: above it is overconfident). */
  confidence: number;
}

export function score(judged: readonly Judged[]): Scores {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, right: 0 }));
  let top1 = 0;
  let top3 = 0;
  let nll = 0;
  let confidence = 0;
  for (const { truth, ranked } of judged) {
    const best = ranked[0];
    if (!best) continue;
    const right = best.label === truth;
    if (right) top1++;
    if (ranked.slice(0, 3).some((candidate) => candidate.label === truth)) top3++;
    const p = ranked.find((candidate) => candidate.label === truth)?.p ?? 0;
    nll -= Math.log(Math.max(p, 1e-12));
    confidence += best.p;
    const bin = bins[Math.min(9, Math.floor(best.p * 10))] as {
      n: number;
      confidence: number;
      right: number;
    };
    bin.n++;
    bin.confidence += best.p;
    if (right) bin.right++;
  }
  const n = judged.length;
  const ece = bins.reduce((sum, bin) => sum + Math.abs(bin.confidence - bin.right), 0) / Math.max(1, n);
  return {
    cells: n,
    top1: top1 / Math.max(1, n),
    top3: top3 / Math.max(1, n),
    nll: nll / Math.max(1, n),
    ece,
    confidence: confidence / Math.max(1, n),
  };
}
