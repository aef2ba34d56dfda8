import { genesisHash, hashJournalEntry, type JournalEntry } from './journal-entry.ts';

export type JournalBreak = {
  seq: number;
  reason: 'sequence-gap' | 'previous-hash-mismatch' | 'hash-mismatch' | 'head-mismatch';
  detail: string;
};

export type JournalVerdict =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; break: JournalBreak };

/**
 * Checks a journal read in `seq` order, one entry at a time so a store can stream
 * millions of rows. Edits break the entry's own hash, deletions break the sequence or
 * the next entry's link, reorderings break both; the head (last seq and hash, kept in
 * its own row) catches a deleted tail.
 */
export class JournalVerifier {
  #expectedSeq = 1;
  #prevHash = genesisHash;
  #count = 0;
  #break: JournalBreak | null = null;

  push(entry: JournalEntry): JournalBreak | null {
    if (this.#break) return this.#break;
    if (entry.seq !== this.#expectedSeq) {
      this.#break = {
        seq: entry.seq,
        reason: 'sequence-gap',
        detail: `expected entry ${this.#expectedSeq}, found ${entry.seq}`,
      };
    } else if (entry.prevHash !== this.#prevHash) {
      this.#break = {
        seq: entry.seq,
        reason: 'previous-hash-mismatch',
        detail: 'does not link to the entry before it',
      };
    } else if (hashJournalEntry(entry.prevHash, entry) !== entry.hash) {
      this.#break = { seq: entry.seq, reason: 'hash-mismatch', detail: 'content does not match its hash' };
    }
    if (this.#break) return this.#break;
    this.#count += 1;
    this.#expectedSeq += 1;
    this.#prevHash = entry.hash;
    return null;
  }

  finish(head: { seq: number; hash: string }): JournalVerdict {
    if (this.#break) return { ok: false, entries: this.#count, break: this.#break };
    const lastSeq = this.#expectedSeq - 1;
    if (head.seq !== lastSeq || head.hash !== this.#prevHash) {
      return {
        ok: false,
        entries: this.#count,
        break: {
          seq: Math.min(head.seq, lastSeq) + 1,
          reason: 'head-mismatch',
          detail: `journal head says entry ${head.seq}, the last readable entry is ${lastSeq}`,
        },
      };
    }
    return { ok: true, entries: this.#count, headHash: this.#prevHash };
  }
}

export function verifyJournal(
  entries: Iterable<JournalEntry>,
  head: { seq: number; hash: string },
): JournalVerdict {
  const verifier = new JournalVerifier();
  for (const entry of entries) if (verifier.push(entry)) break;
  return verifier.finish(head);
}
