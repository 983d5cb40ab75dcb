// How a 1-bit image's samples are stored, when libtiff can decode them as stored (bilevel-tiff.ts): a lone
// /FlateDecode with no parameters, or a lone /CCITTFaxDecode with K < 0 (Group 4, what copiers write) whose
// parameters a TIFF can carry. Group 3 (K ≥ 0), byte-aligned or end-of-line-marked CCITT data, predictors and
// filter chains return undefined: the page is left to pdfjs.
import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { PDFContext, PDFObject, PDFRawStream } from 'pdf-lib';
import type { BilevelCompression } from './bilevel-tiff';

export interface StoredBits {
  compression: BilevelCompression;
  /**
   * The PDF sample (0 or 1) that libtiff decodes as a set sample: Flate data's set bits are 1s; CCITT data's
   * set samples are its black runs, which are 1s only with /BlackIs1.
   */
  setSample: 0 | 1;
}

/** CCITT parameters that change nothing libtiff decodes: it reads exactly the image's rows. */
const HARMLESS_CCITT = new Set(['K', 'Columns', 'Rows', 'BlackIs1', 'EndOfBlock', 'DamagedRowsBeforeError']);

const lookup = (context: PDFContext, value: PDFObject | undefined) =>
  value instanceof PDFRef ? context.lookup(value) : value;

/** The stream's single filter and its parameters, or undefined for a chain of filters. */
function soleFilter(context: PDFContext, image: PDFRawStream) {
  const get = (key: string) => lookup(context, image.dict.get(PDFName.of(key)));
  const filter = get('Filter');
  const parms = get('DecodeParms') ?? get('DP');
  const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
  const parmses = parms instanceof PDFArray ? parms.asArray() : [parms];
  if (filters.length !== 1 || parmses.length !== 1) return undefined;
  const parameters = lookup(context, parmses[0]);
  return {
    name: lookup(context, filters[0]),
    parameters: parameters instanceof PDFDict ? parameters : parameters === undefined ? null : undefined,
  };
}

export function storedBits(
  context: PDFContext,
  image: PDFRawStream,
  width: number,
  height: number,
): StoredBits | undefined {
  const sole = soleFilter(context, image);
  if (!sole || sole.parameters === undefined) return undefined;
  const { name, parameters } = sole;
  if (name === PDFName.of('FlateDecode'))
    return parameters === null ? { compression: 'deflate', setSample: 1 } : undefined;
  if (name !== PDFName.of('CCITTFaxDecode') || parameters === null) return undefined;
  if (parameters.keys().some((key) => !HARMLESS_CCITT.has(key.asString().slice(1)))) return undefined;
  const value = (key: string, otherwise: number | boolean) => {
    const found = lookup(context, parameters.get(PDFName.of(key)));
    return found instanceof PDFNumber
      ? found.asNumber()
      : found instanceof PDFBool
        ? found.asBoolean()
        : otherwise;
  };
  const k = value('K', 0);
  const columns = value('Columns', 1728);
  const rows = value('Rows', height);
  const blackIs1 = value('BlackIs1', false);
  if (
    typeof k !== 'number' ||
    k >= 0 ||
    columns !== width ||
    rows !== height ||
    typeof blackIs1 !== 'boolean'
  )
    return undefined;
  return { compression: 'group-4', setSample: blackIs1 ? 1 : 0 };
}
