import { closeSync, openSync, readSync } from 'node:fs';
import { type CapVerdict, checkCapDocument } from '@vigil/core/standards/cap';
import { defaultInputLimits } from '@vigil/core/standards/xml';

/** What `vigil cap validate` prints of an alert: its verdict without the alert model. */
export type SlimCapVerdict = Omit<CapVerdict, 'alert'>;

/** One file's outcome: its alerts' verdicts, a refusal (hostile or unreadable XML), or why it could not be read. */
export type CapFileResult =
  | { file: string; verdicts: SlimCapVerdict[] }
  | { file: string; refused: string }
  | { file: string; unreadable: string };

/**
 * One buffer per thread, reused for every file: `readFileSync` allocates a buffer and asks the
 * file's size (one more system call) for each file, which costs as much as validating a small
 * alert. One byte more than the limit is read, so a file over the limit is known without a stat.
 */
let buffer = Buffer.allocUnsafe(64 * 1024);

function readWhole(path: string, maxBytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and checks CAP files in this thread (a worker of the standards pool). The bytes are only
 * borrowed: verdicts keep no reference to them, so the buffer is free for the next file.
 */
export function readCapFiles(
  paths: readonly string[],
  options: { strict: boolean; ipaws: boolean },
): CapFileResult[] {
  return paths.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = readWhole(file, defaultInputLimits.maxBytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { file, unreadable: code === 'ENOENT' ? 'no such file' : (error as Error).message };
    }
    try {
      return {
        file,
        verdicts: checkCapDocument(bytes, options).map(({ alert: _alert, ...verdict }) => verdict),
      };
    } catch (error) {
      return { file, refused: (error as Error).message };
    }
  });
}
