import { PDFArray, PDFDict, PDFName, PDFNumber, PDFPageLeaf, PDFPageTree, PDFRef } from 'pdf-lib';
import type { PDFDocument, PDFObject } from 'pdf-lib';

/** `page` (1-based) is set when the problem is one page's own object. */
export type PageTreeCheck = { ok: true; pages: number } | { ok: false; problem: string; page?: number };
type Failure = Extract<PageTreeCheck, { ok: false }>;

/**
 * Walks the page tree itself instead of trusting pdf-lib's page list: pdf-lib skips kids whose object is
 * missing or damaged, which would silently drop pages of a corrupt file.
 */
export function checkPageTree(doc: PDFDocument): PageTreeCheck {
  const { context } = doc;
  const catalog = context.lookup(context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict))
    return { ok: false, problem: 'its document catalog is missing or damaged' };
  const root = catalog.lookup(PDFName.of('Pages'));
  if (!(root instanceof PDFPageTree)) return { ok: false, problem: 'its page list is missing or damaged' };

  let leaves = 0;
  const visited = new Set<PDFDict>();
  const walk = (node: PDFObject | undefined): Failure | undefined => {
    const dict = node instanceof PDFRef ? context.lookup(node) : node;
    if (dict instanceof PDFPageLeaf) {
      leaves++;
      return undefined;
    }
    if (!(dict instanceof PDFPageTree)) {
      return { ok: false, problem: 'its page object is missing or damaged', page: leaves + 1 };
    }
    if (visited.has(dict)) return { ok: false, problem: 'its page tree loops back on itself' };
    visited.add(dict);
    const kids = dict.lookup(PDFName.of('Kids'));
    if (!(kids instanceof PDFArray)) {
      return { ok: false, problem: `the page list after page ${leaves} is missing or damaged` };
    }
    for (const kid of kids.asArray()) {
      const failure = walk(kid);
      if (failure) return failure;
    }
    return undefined;
  };

  const failure = walk(root);
  if (failure) return failure;
  const declared = root.lookup(PDFName.of('Count'));
  if (declared instanceof PDFNumber && declared.asNumber() > leaves) {
    return {
      ok: false,
      problem: `it declares ${declared.asNumber()} pages but only ${leaves} are in the file`,
    };
  }
  if (doc.getPageCount() !== leaves) {
    return {
      ok: false,
      problem: `its page tree is inconsistent (${leaves} pages found, ${doc.getPageCount()} listed)`,
    };
  }
  return { ok: true, pages: leaves };
}
