// Stage progress on stderr: one redrawn bar on a terminal, plain lines in a log (a redrawn line would
// fill a log file with carriage returns).
import type { ProcessStage, ProgressEvent } from '../core/pipeline/process-options';

const UNITS: Record<ProcessStage, string> = {
  load: 'files',
  classify: 'pages',
  // Identification reads each A3 side on its own (core/pipeline/identify-stage.ts).
  identify: 'sides',
  split: 'copies',
  write: 'files',
};
const BAR_WIDTH = 24;

export interface ProgressPrinter {
  onProgress(event: ProgressEvent): void;
  /** Ends the bar's line, so what follows starts on a line of its own. */
  finish(): void;
}

export function progressPrinter(stream: NodeJS.WriteStream): ProgressPrinter {
  return stream.isTTY ? barPrinter(stream) : linePrinter(stream);
}

const counts = (event: ProgressEvent) => `${event.done}/${event.total} ${UNITS[event.stage]}`;

function barPrinter(stream: NodeJS.WriteStream): ProgressPrinter {
  let stage: ProcessStage | undefined;
  return {
    onProgress(event) {
      if (stage !== undefined && stage !== event.stage) stream.write('\n');
      stage = event.stage;
      const filled = event.total === 0 ? BAR_WIDTH : Math.round((event.done / event.total) * BAR_WIDTH);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
      const line = `${event.stage.padEnd(8)} [${bar}] ${counts(event)} ${event.message ?? ''}`;
      stream.write(`\r${line.slice(0, (stream.columns || 80) - 1).padEnd((stream.columns || 80) - 1)}`);
    },
    finish() {
      if (stage !== undefined) stream.write('\n');
      stage = undefined;
    },
  };
}

/** A line per tenth of each stage, so a long run still shows signs of life in a log. */
function linePrinter(stream: NodeJS.WriteStream): ProgressPrinter {
  return {
    onProgress(event) {
      const tenth = (done: number) => Math.floor((done * 10) / Math.max(event.total, 1));
      if (event.done === event.total || tenth(event.done) > tenth(event.done - 1)) {
        stream.write(`${event.stage}: ${counts(event)}${event.message ? ` (${event.message})` : ''}\n`);
      }
    },
    finish() {},
  };
}
