// Reading a file the operator named: a regular file only, and never more than a cap. A device (/dev/zero
// reports size 0 and never ends), a FIFO (opening it blocks until a writer comes) or a socket is refused
// at once, before a single byte is read.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type InputProblem = 'missing' | 'denied' | 'folder' | 'special' | 'too-large' | 'unreadable';

export class InputFileError extends Error {
  constructor(
    readonly problem: InputProblem,
    /** In plain words, without the path. */
    readonly reason: string,
    /** The file's size, for 'too-large'. */
    readonly size = 0,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** Plain-words reason for the problem, for the messages of the callers. */
export const INPUT_PROBLEM_WORDS: Readonly<Record<InputProblem, string>> = {
  missing: 'file not found',
  denied: 'permission denied',
  folder: 'is a folder, not a file',
  special: 'is not a regular file (a device, a pipe or a socket)',
  'too-large': 'is too large',
  unreadable: 'cannot be read',
};

/**
 * `shared`: the bytes are read into a SharedArrayBuffer, so that worker threads given them read this one
 * copy instead of each getting its own.
 */
export async function readInputFile(
  path: string,
  maxBytes: number,
  { shared = false } = {},
): Promise<Uint8Array> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fromErrno(error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputFileError('folder', INPUT_PROBLEM_WORDS.folder);
    if (!info.isFile()) throw new InputFileError('special', INPUT_PROBLEM_WORDS.special);
    if (info.size > maxBytes) {
      throw new InputFileError('too-large', INPUT_PROBLEM_WORDS['too-large'], info.size);
    }
    // What stat measured, no more: a file still growing (a scanner writing) does not grow the read.
    const buffer = shared ? new Uint8Array(new SharedArrayBuffer(info.size)) : Buffer.alloc(info.size);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw fromErrno(error);
  } finally {
    await handle.close();
  }
}

function fromErrno(error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem: InputProblem =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'missing'
      : code === 'EACCES' || code === 'EPERM'
        ? 'denied'
        : code === 'EISDIR'
          ? 'folder'
          : 'unreadable';
  const words = problem === 'unreadable' ? (error as Error).message : INPUT_PROBLEM_WORDS[problem];
  return new InputFileError(problem, words, 0, { cause: error });
}
