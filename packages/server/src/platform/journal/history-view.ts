import type { JournalEntry } from '@vigil/core';
import { z } from 'zod';

export const historyEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  kind: z.string(),
  actorUserId: z.string().nullable(),
  actorAgencyId: z.string().nullable(),
  change: z.unknown(),
  tlp: z.string().nullable(),
  hash: z.string(),
});

export function toHistoryEntry(entry: JournalEntry): z.infer<typeof historyEntrySchema> {
  return {
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    kind: entry.kind,
    actorUserId: entry.actorUserId,
    actorAgencyId: entry.actorAgencyId,
    change: entry.change,
    tlp: entry.marking?.tlp ?? null,
    hash: entry.hash,
  };
}
