// The input quality report of each scan file (manifest `sources[].quality`): how it was scanned, and what
// in it may hurt reading the headers or pairing the sides.
import type { ManifestSource, SourceQuality } from '../../manifest';
import type { LoadedSource } from '../load-source';
import { blankRemovalWarnings } from './blank-removal';
import { fileWarnings } from './file-warnings';
import { measureFile, type FileFacts } from './measure-file';

/**
 * One report per source, in order. `names` are the operator's file names (a stored batch loads its scans
 * from files named by their hash); the sources form one stack, as the pipeline reads them.
 */
export function measureQuality(sources: readonly LoadedSource[], names: readonly string[]): SourceQuality[] {
  const measured = sources.map((source, index) => measureSafely(source, names[index]!));
  const facts = measured.map((m) => m.facts);
  const pairing = blankRemovalWarnings(
    facts.map((file, index) => ({ name: names[index]!, pages: file.pages })),
  );
  return facts.map((file, index) =>
    report(file, [...measured[index]!.warnings, ...fileWarnings(names[index]!, file), ...pairing[index]!]),
  );
}

/**
 * The report is advice: a content stream it cannot follow must not stop a batch the loader accepted, so
 * the file is reported as not measured instead.
 */
function measureSafely(source: LoadedSource, name: string): { facts: FileFacts; warnings: string[] } {
  try {
    return { facts: measureFile(source.doc), warnings: [] };
  } catch (error) {
    return {
      facts: { pages: [], imageDpi: null, inkDpi: null, colour: [] },
      warnings: [`${name}: the quality report could not be computed (${(error as Error).message})`],
    };
  }
}

/** The manifest's sources with their quality reports, from the loaded scans they describe (same order). */
export function withQuality(
  manifestSources: readonly ManifestSource[],
  sources: readonly LoadedSource[],
): ManifestSource[] {
  const reports = measureQuality(
    sources,
    manifestSources.map((source) => source.file),
  );
  return manifestSources.map((source, index) => ({ ...source, quality: reports[index]! }));
}

function report(file: FileFacts, warnings: string[]): SourceQuality {
  const sizes = new Map<string, SourceQuality['pageSizes'][number]>();
  const rotations = new Map<number, SourceQuality['rotations'][number]>();
  for (const page of file.pages) {
    const key = `${page.widthMm}x${page.heightMm}`;
    const size = sizes.get(key) ?? { widthMm: page.widthMm, heightMm: page.heightMm, pages: 0 };
    size.pages++;
    sizes.set(key, size);
    const rotation = rotations.get(page.rotate) ?? { rotate: page.rotate, pages: 0 };
    rotation.pages++;
    rotations.set(page.rotate, rotation);
  }
  return {
    imageDpi: file.imageDpi,
    inkDpi: file.inkDpi,
    colour: file.colour,
    pageSizes: [...sizes.values()].sort((a, b) => b.pages - a.pages),
    rotations: [...rotations.values()].sort((a, b) => a.rotate - b.rotate),
    warnings,
  };
}
