import { createHash } from 'node:crypto';
import type { Caveat, TlpLabel } from '../access/index.ts';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

/** `change` entries record state changes; `access` entries record sensitive reads; `security` ones sign-in events. */
export type JournalKind = 'change' | 'access' | 'security';

/** The marking a journal entry carries, copied from its record at the time of the change. */
export type JournalMarking = { tlp: TlpLabel; caveats: Caveat[]; ownerAgencyId: string };

/** What an action hands to the journal; the store adds `seq`, `prevHash` and `hash`. */
export type JournalDraft = {
  at: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  action: string;
  kind: JournalKind;
  entityType: string;
  entityId: string;
  change: JsonValue;
  markingId: string | null;
  marking: JournalMarking | null;
};

export type JournalEntry = JournalDraft & { seq: number; prevHash: string; hash: string };

export const genesisHash = '0'.repeat(64);

/** SHA-256 over the previous hash and the canonical JSON of everything the entry says. */
export function hashJournalEntry(prevHash: string, entry: JournalDraft & { seq: number }): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actorUserId: entry.actorUserId,
    actorAgencyId: entry.actorAgencyId,
    action: entry.action,
    kind: entry.kind,
    entityType: entry.entityType,
    entityId: entry.entityId,
    change: entry.change,
    markingId: entry.markingId,
    marking: entry.marking,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

export function chainJournalEntry(
  previous: { seq: number; hash: string },
  draft: JournalDraft,
): JournalEntry {
  const seq = previous.seq + 1;
  return { ...draft, seq, prevHash: previous.hash, hash: hashJournalEntry(previous.hash, { ...draft, seq }) };
}
