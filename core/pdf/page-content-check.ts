// Finds what would make a page render wrong or not at all: references to objects that are missing or
// were damaged (pdf-lib keeps those as PDFInvalidObject), and content streams that do not decompress.
// Image data is not decoded: it is copied byte for byte, and decoding every scan image would be slow.
import { constants, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFInvalidObject, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFPageLeaf } from 'pdf-lib';
import { readBox } from './page-geometry';

const RESOURCE_LABELS: Record<string, string> = {
  XObject: 'image or form',
  Font: 'font',
  ExtGState: 'graphics state',
  ColorSpace: 'colour space',
  Pattern: 'pattern',
  Shading: 'shading',
  Properties: 'property list',
};

function resolve(context: PDFContext, value: PDFObject | undefined): PDFObject | undefined {
  const object = value instanceof PDFRef ? context.lookup(value) : value;
  return object instanceof PDFInvalidObject ? undefined : object;
}

/** Why the page cannot be read, or undefined when it can. */
export function findPageProblem(page: PDFPageLeaf): string | undefined {
  if (!readBox(page.context, page.getInheritableAttribute(PDFName.of('MediaBox')))) {
    return 'it has no valid page size (MediaBox)';
  }
  return (
    contentsProblem(page) ??
    resourcesProblem(page.context, page.getInheritableAttribute(PDFName.of('Resources')), new Set())
  );
}

function contentsProblem(page: PDFPageLeaf): string | undefined {
  const value = page.get(PDFName.of('Contents'));
  // A page without content is a blank page, which is valid.
  if (value === undefined) return undefined;
  const contents = resolve(page.context, value);
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((s) => resolve(page.context, s)) : [contents];
  for (const stream of streams) {
    if (!(stream instanceof PDFStream)) return 'its content stream is missing or damaged';
    if (!decompresses(stream)) return 'its content stream is damaged (it does not decompress)';
  }
  return undefined;
}

function resourcesProblem(
  context: PDFContext,
  value: PDFObject | undefined,
  visited: Set<PDFDict>,
): string | undefined {
  if (value === undefined) return undefined;
  const resources = resolve(context, value);
  if (!(resources instanceof PDFDict)) return 'its resource list is missing or damaged';
  if (visited.has(resources)) return undefined;
  visited.add(resources);

  for (const [kind, label] of Object.entries(RESOURCE_LABELS)) {
    const groupValue = resources.get(PDFName.of(kind));
    if (groupValue === undefined) continue;
    const group = resolve(context, groupValue);
    if (!(group instanceof PDFDict)) return `its ${label} list is missing or damaged`;
    for (const [name, entry] of group.entries()) {
      const resource = resolve(context, entry);
      const damaged = `its ${label} ${name.asString()} is missing or damaged`;
      if (resource === undefined) return damaged;
      if (kind !== 'XObject') continue;
      if (!(resource instanceof PDFStream)) return damaged;
      if (resource.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Form')) continue;
      // A form is a content stream of its own, with its own resources.
      if (!decompresses(resource)) return `${damaged} (it does not decompress)`;
      const nested = resourcesProblem(context, resource.dict.get(PDFName.of('Resources')), visited);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Only Flate is checked: it is what content streams use, and it detects damage with its checksum. */
function decompresses(stream: PDFStream): boolean {
  if (!(stream instanceof PDFRawStream)) return true;
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const first = filter instanceof PDFArray ? filter.lookup(0) : filter;
  if (first !== PDFName.of('FlateDecode')) return true;
  try {
    // Sync flush tolerates a missing end marker, which some writers omit and viewers accept.
    inflateSync(stream.contents, { finishFlush: constants.Z_SYNC_FLUSH });
    return true;
  } catch {
    return false;
  }
}
