import { type JournalVerdict, JournalVerifier } from '@vigil/core';
import type { Executor } from '../database/transaction.ts';
import { readJournal, readJournalHead } from './journal.store.ts';

/** Streams the stored journal through the pure verifier; the head is read first so appends during the run do not count as tampering. */
export async function verifyStoredJournal(
  db: Executor,
  onProgress?: (seq: number, total: number) => void,
): Promise<JournalVerdict> {
  const head = await readJournalHead(db);
  const verifier = new JournalVerifier();
  for await (const entry of readJournal(db)) {
    if (entry.seq > head.seq) break;
    onProgress?.(entry.seq, head.seq);
    if (verifier.push(entry)) break;
  }
  return verifier.finish(head);
}
