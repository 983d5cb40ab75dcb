// The desktop app's log: the core host's output goes to <userData>/logs/station.log, so a packaged app
// (which has no terminal) keeps what went wrong. When the file passes `maxBytes` it becomes station.1.log
// (station.1 becomes station.2, and so on); `keep` old files are kept.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface LogFile {
  readonly path: string;
  write(text: string): void;
}

export function rotatingLog(dir: string, options: { maxBytes: number; keep: number }): LogFile {
  const path = join(dir, 'station.log');
  const old = (n: number) => join(dir, `station.${n}.log`);
  let size: number | undefined;

  const rotate = () => {
    rmSync(old(options.keep), { force: true });
    for (let n = options.keep - 1; n >= 1; n--) if (existsSync(old(n))) renameSync(old(n), old(n + 1));
    if (options.keep > 0) renameSync(path, old(1));
    else rmSync(path, { force: true });
    size = 0;
  };

  return {
    path,
    write(text) {
      // A log that cannot be written must not take the app down with it.
      try {
        if (size === undefined) {
          mkdirSync(dir, { recursive: true });
          size = existsSync(path) ? statSync(path).size : 0;
        }
        if (size > 0 && size + Buffer.byteLength(text) > options.maxBytes) rotate();
        appendFileSync(path, text);
        size += Buffer.byteLength(text);
      } catch {
        size = undefined;
      }
    },
  };
}
