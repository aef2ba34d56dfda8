import { parentPort } from 'node:worker_threads';
import { checkCapDocument } from '@vigil/core/standards/cap';
import { readEdxlDistribution, readResourceMessage } from '@vigil/core/standards/edxl';
import { checkStixBundle } from '@vigil/core/standards/stix';
import { readCapFiles } from './read-cap-files.ts';
import type { StandardsTask } from './standards-pool.ts';

/**
 * Runs the standards readers off the main thread: libxml2, Ajv and the guarded parsers work
 * here, so one large or hostile document never holds the server's event loop.
 */
function run(task: StandardsTask): unknown {
  switch (task.kind) {
    case 'cap':
      return checkCapDocument(task.bytes, { strict: task.strict, ipaws: task.ipaws });
    case 'cap-batch':
      // Each document is read on its own: a refused one answers its refusal, the others their verdicts,
      // without the alert models (validation only: copying them back between threads cost more than reading).
      return task.documents.map((bytes) => {
        try {
          return {
            verdicts: checkCapDocument(bytes, { strict: task.strict, ipaws: task.ipaws }).map(
              ({ alert: _alert, ...verdict }) => verdict,
            ),
          };
        } catch (error) {
          return { refused: (error as Error).message };
        }
      });
    case 'cap-files':
      // The worker reads the files itself: the main thread only hands out names and prints lines.
      return readCapFiles(task.paths, { strict: task.strict, ipaws: task.ipaws });
    case 'stix':
      return checkStixBundle(task.bytes);
    case 'edxl': {
      const distribution = readEdxlDistribution(task.bytes);
      return {
        distribution,
        cap: distribution.payloads.map((p) => (p.kind === 'cap' && p.xml ? checkCapDocument(p.xml) : null)),
        rm: distribution.payloads.map((p) =>
          p.kind === 'edxl-rm' && p.xml ? readResourceMessage(p.xml) : null,
        ),
      };
    }
  }
}

parentPort?.on('message', (message: { id: number; task: StandardsTask }) => {
  try {
    parentPort?.postMessage({ id: message.id, ok: true, value: run(message.task) });
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string; field?: string };
    parentPort?.postMessage({
      id: message.id,
      ok: false,
      error: { name: e.name, code: e.code, message: e.message, field: e.field },
    });
  }
});
