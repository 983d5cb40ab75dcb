// A copy whose pages all come from one scan, written with the scan's own object numbers: every object
// the pages reach (images, masks, content streams, resources) is written as the scan spells it, byte for
// byte, instead of being cloned, renumbered and spelled out again by pdf-lib (the split's cost on a
// compact batch, where a page carries some sixty images). Only the page dictionaries, the page tree and
// the catalog are new; they take numbers above the scan's. The cross-reference table lists the objects
// the copy holds, in runs of consecutive numbers, as PDF allows.
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFPageLeaf,
  PDFPageTree,
  PDFRawStream,
  PDFRef,
  PDFWriter,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import { bytesParsedFrom } from './object-bytes';

/**
 * One PDF holding the pages of `doc` at `indices`, in that order, each page's dictionary passed to
 * `shape` (its boxes, its turn) before it is written.
 */
export async function saveVerbatim(
  doc: PDFDocument,
  indices: readonly number[],
  shape: (page: PDFPageLeaf, position: number) => void,
): Promise<Uint8Array> {
  const source = doc.context;
  const out = PDFContext.create();
  out.largestObjectNumber = source.largestObjectNumber;
  const treeRef = out.nextRef();
  const kids = indices.map((index, position) => {
    const page = standalonePage(doc.getPage(index).node, out);
    page.set(PDFName.of('Parent'), treeRef);
    shape(page, position);
    return out.register(page);
  });
  out.assign(treeRef, out.obj({ Type: 'Pages', Kids: kids, Count: kids.length }));
  out.trailerInfo.Root = out.register(out.obj({ Type: 'Catalog', Pages: treeRef }));
  copyReachable(
    kids.map((kid) => out.lookup(kid)!),
    source,
    out,
  );
  // Every object at once: pdf-lib's default pauses a timer tick every 50 objects.
  return PDFWriter.forContext(out, Infinity).serializeToBuffer();
}

/** The page with what it inherits from its page tree written in, and no parent (as pdf-lib copies a page). */
function standalonePage(leaf: PDFPageLeaf, out: PDFContext): PDFPageLeaf {
  const page = leaf.clone(out);
  for (const name of PDFPageLeaf.InheritableEntries) {
    const key = PDFName.of(name);
    const value = leaf.getInheritableAttribute(key);
    if (!page.get(key) && value) page.set(key, value);
  }
  page.delete(PDFName.of('Parent'));
  return page;
}

/**
 * Puts into `out`, at their own numbers, the objects of `source` that `roots` reach. Another page or page
 * tree node is not followed (an annotation's /P, a link's destination): it would bring the whole scan
 * along, and a reference to an object a file does not hold reads as null.
 */
function copyReachable(roots: PDFObject[], source: PDFContext, out: PDFContext): void {
  const seen = new Set<PDFRef>();
  const pending = [...roots];
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    if (object instanceof PDFRef) {
      if (seen.has(object)) continue;
      seen.add(object);
      const target = source.lookup(object);
      if (target === undefined || target instanceof PDFPageLeaf || target instanceof PDFPageTree) continue;
      out.assign(object, asWritten(target, source));
      pending.push(target);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    } else if (object instanceof PDFRawStream) {
      pending.push(object.dict);
    }
  }
}

/** The object as the scan spells it when that is known and sound, else as pdf-lib parsed it. */
function asWritten(object: PDFObject, source: PDFContext): PDFObject {
  const bytes = bytesParsedFrom(object);
  if (object instanceof PDFRawStream) {
    if (bytes && lengthIsTrue(object, source)) return PDFInvalidObject.of(bytes);
    // Written by pdf-lib, which sets /Length on what it writes: not on the scan's own dictionary.
    return PDFRawStream.of(object.dict.clone(), object.contents);
  }
  return bytes ? PDFInvalidObject.of(bytes) : object;
}

/** A stream whose /Length is wrong was found by its "endstream": pdf-lib writes it with the true length. */
function lengthIsTrue(stream: PDFRawStream, source: PDFContext): boolean {
  const length = source.lookup(stream.dict.get(PDFName.of('Length')));
  return length instanceof PDFNumber && length.asNumber() === stream.contents.length;
}
