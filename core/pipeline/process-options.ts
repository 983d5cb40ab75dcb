export type ProcessStage = 'load' | 'classify' | 'identify' | 'split' | 'write';

export interface ProgressEvent {
  stage: ProcessStage;
  /** Units done within the stage (pages or copies), and how many there are. */
  done: number;
  total: number;
  message?: string;
}

export interface ProcessOptions {
  /** Scanner PDFs, in stack order: together they form one stack of sheets. */
  scans: string[];
  /** Pronote roster CSV. */
  roster: string;
  /** Output directory: receives manifest.json and copies/*.pdf. Created if missing. */
  outDir: string;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Read the sheets' headers and page boxes to find each copy's student (default true). Off, every sheet
   * is a copy of its own for review: quicker, for checking a scan's pages only.
   */
  identify?: boolean;
}
