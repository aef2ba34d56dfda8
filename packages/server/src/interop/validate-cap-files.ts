import { availableParallelism } from 'node:os';
import { type CapFileResult, readCapFiles } from './read-cap-files.ts';
import { StandardsPool } from './standards-pool.ts';

export { type CapTrustStore, judgeCapSigners, loadCapTrustStore } from './cap-signer-trust.ts';
export type { CapFileResult, SlimCapVerdict } from './read-cap-files.ts';

export type ValidateCapFilesOptions = {
  strict: boolean;
  ipaws: boolean;
  /** Worker threads (default: the machine's cores, at most 8). Below `poolFrom` files none is started. */
  threads?: number;
  /** Files per message to a worker. */
  chunk?: number;
  /** A pool already started (the benchmark keeps one warm); it is left open. */
  pool?: StandardsPool;
};

/** Starting workers costs about a tenth of a second: a handful of files is checked in this thread. */
const poolFrom = 64;
const defaultChunk = 100;

/**
 * `vigil cap validate` over many files: the files are cut into chunks that worker threads read
 * and check in parallel, and each chunk's results are handed to `onResult` in the order of the
 * files given, as soon as every earlier chunk is done, so output streams while work goes on.
 */
export async function validateCapFiles(
  paths: readonly string[],
  options: ValidateCapFilesOptions,
  onResult: (result: CapFileResult) => void,
): Promise<void> {
  const check = { strict: options.strict, ipaws: options.ipaws };
  if (!options.pool && paths.length < poolFrom) {
    for (const result of readCapFiles(paths, check)) onResult(result);
    return;
  }
  const threads = options.threads ?? Math.min(8, Math.max(1, availableParallelism()));
  const pool = options.pool ?? new StandardsPool(threads, 120_000);
  const size = options.chunk ?? defaultChunk;
  try {
    const chunks: Promise<CapFileResult[]>[] = [];
    for (let start = 0; start < paths.length; start += size) {
      const chunk = pool.run<CapFileResult[]>({
        kind: 'cap-files',
        paths: paths.slice(start, start + size),
        ...check,
      });
      // Awaited in order below; a failure of a later chunk must not go unhandled meanwhile.
      chunk.catch(() => undefined);
      chunks.push(chunk);
    }
    for (const chunk of chunks) for (const result of await chunk) onResult(result);
  } finally {
    if (!options.pool) await pool.close();
  }
}
