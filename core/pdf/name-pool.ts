// pdf-lib 1.17.1 (its last release) decodes a name's #xx escapes with a regular expression each time
// PDFName.of is called, before it finds the name in its pool: for every name the parser reads and for
// every name its own code looks up ("Type" and three more for each dictionary parsed), some 60 000 times
// for a compact batch. The same spelling always gives the same PDFName, so the spelling is looked up first.
import { PDFName } from 'pdf-lib';

const bySpelling = new Map<string, PDFName>();
const nameOf = PDFName.of;

PDFName.of = function of(spelling: string): PDFName {
  let name = bySpelling.get(spelling);
  if (name === undefined) {
    name = nameOf(spelling);
    bySpelling.set(spelling, name);
  }
  return name;
};
