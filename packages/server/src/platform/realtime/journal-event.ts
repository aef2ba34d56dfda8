import type { JournalEntry } from '@vigil/core';

/**
 * What the event stream says of a journal entry: enough for a client to know what
 * to refetch, nothing of the content (the refetch applies the marking again).
 */
export type JournalEvent = {
  seq: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actorAgencyId: string | null;
  tlp: string | null;
};

export function toJournalEvent(entry: JournalEntry): JournalEvent {
  return {
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    actorAgencyId: entry.actorAgencyId,
    tlp: entry.marking?.tlp ?? null,
  };
}
