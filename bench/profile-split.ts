// The split alone, in this thread: every pair of A3 sides of a scan made into one 4-page copy with
// buildCopyPdf, as the export does, without identification, the store or the disk. For `node --cpu-prof`.
// Run: node [--cpu-prof] --import tsx bench/profile-split.ts <scan.pdf> [repeat]
import { buildCopyPdf, type CopyPageSource } from '../core/pdf/split';
import { loadSources } from '../core/pipeline/load-sources';
import { classifyStack } from '../core/pipeline/stack';

const [scan, repeatArg = '3'] = process.argv.slice(2);
if (!scan) throw new Error('usage: profile-split <scan.pdf> [repeat]');
const [source] = await loadSources([scan]);
const sides = classifyStack([source!]).filter((side) => side.layout === 'a3');
const copies: CopyPageSource[][] = [];
for (let i = 0; i + 1 < sides.length; i += 2) {
  const [recto, verso] = [sides[i]!, sides[i + 1]!];
  const page = (side: typeof recto, half: 'left' | 'right'): CopyPageSource => ({
    doc: source!.doc,
    index: side.source - 1,
    half,
    geometry: side.geometry,
    rotate: 0,
  });
  copies.push([page(recto, 'right'), page(verso, 'left'), page(verso, 'right'), page(recto, 'left')]);
}
for (let k = 0; k < Number(repeatArg); k++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let bytes = 0;
  for (const copy of copies) bytes += (await buildCopyPdf(copy)).length;
  const used = process.cpuUsage(cpu);
  console.log(
    `${copies.length} copies, ${(bytes / 1e6).toFixed(1)} MB: ${((performance.now() - start) / 1000).toFixed(2)} s, ` +
      `CPU ${((used.user + used.system) / 1e6).toFixed(2)} s`,
  );
}
