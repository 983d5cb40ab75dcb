// The stack: every page of every scan file, in the order the sheets went through the scanner, each
// classified as displayed. A recto at the end of one file pairs with the verso at the start of the next.
import { basename } from 'node:path';
import { classifyPage, readPageGeometry } from '../pdf/page-geometry';
import type { PageGeometry, PageLayout } from '../pdf/page-geometry';
import type { LoadedSource } from '../pdf/load-source';

export interface StackPage {
  /** 0-based position in the whole stack. */
  position: number;
  /** 1-based index of the scan file, and 1-based page number inside it (as in the manifest). */
  file: number;
  source: number;
  /** Base name of the scan file, for messages. */
  fileName: string;
  geometry: PageGeometry;
  layout: PageLayout;
  /** Why the page is not what a scan room produces (it is kept whole). */
  unusual?: string;
}

export const pageKey = (file: number, source: number): string => `${file}:${source}`;

export const pageLabel = (page: StackPage): string => `${page.fileName} page ${page.source}`;

export function classifyStack(
  sources: readonly LoadedSource[],
  onPage?: (done: number, total: number) => void,
): StackPage[] {
  const total = sources.reduce((sum, source) => sum + source.pageCount, 0);
  const stack: StackPage[] = [];
  sources.forEach((source, fileIndex) => {
    source.doc.getPages().forEach((page, pageIndex) => {
      const geometry = readPageGeometry(page.node);
      stack.push({
        position: stack.length,
        file: fileIndex + 1,
        source: pageIndex + 1,
        fileName: basename(source.path),
        geometry,
        ...classifyPage(geometry),
      });
      onPage?.(stack.length, total);
    });
  });
  return stack;
}

export function indexStack(stack: readonly StackPage[]): Map<string, StackPage> {
  return new Map(stack.map((page) => [pageKey(page.file, page.source), page]));
}
