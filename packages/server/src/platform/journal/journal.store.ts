import {
  chainJournalEntry,
  type JournalDraft,
  type JournalEntry,
  type JournalKind,
  type JournalMarking,
} from '@vigil/core';
import { sql } from 'kysely';
import type { Engine } from '../database/database.ts';
import type { JournalTable } from '../database/schema.ts';
import type { Executor, Trx } from '../database/transaction.ts';

export const journalChannel = 'vigil_journal';

/**
 * Appends one entry inside the caller's transaction, so the change and its entry commit
 * or fail together. Touching the head row first takes its write lock on both engines:
 * concurrent writers queue there and each links to the hash before it.
 */
export async function appendJournal(trx: Trx, engine: Engine, draft: JournalDraft): Promise<JournalEntry> {
  await trx.updateTable('journal_head').set({ seq: sql<number>`seq` }).where('id', '=', 1).execute();
  const head = await trx
    .selectFrom('journal_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const entry = chainJournalEntry(head, draft);
  await trx.insertInto('journal').values(toRow(entry)).execute();
  await trx
    .updateTable('journal_head')
    .set({ seq: entry.seq, hash: entry.hash })
    .where('id', '=', 1)
    .execute();
  if (engine === 'postgres') {
    // Delivered by PostgreSQL only when the transaction commits: other instances then fetch it.
    await sql`select pg_notify(${journalChannel}, ${String(entry.seq)})`.execute(trx);
  }
  return entry;
}

export async function readJournalHead(db: Executor): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('journal_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Pages through the whole journal in `seq` order without holding it all in memory. */
export async function* readJournal(db: Executor, pageSize = 5000): AsyncGenerator<JournalEntry> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('journal')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) yield fromRow(row);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.seq;
  }
}

export function toRow(entry: JournalEntry): JournalTable {
  return {
    seq: entry.seq,
    at: entry.at,
    actor_user_id: entry.actorUserId,
    actor_agency_id: entry.actorAgencyId,
    action: entry.action,
    kind: entry.kind,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    change: JSON.stringify(entry.change),
    marking_id: entry.markingId,
    marking: entry.marking ? JSON.stringify(entry.marking) : null,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

export function fromRow(row: JournalTable): JournalEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorUserId: row.actor_user_id,
    actorAgencyId: row.actor_agency_id,
    action: row.action,
    kind: row.kind as JournalKind,
    entityType: row.entity_type,
    entityId: row.entity_id,
    change: JSON.parse(row.change),
    markingId: row.marking_id,
    marking: row.marking ? (JSON.parse(row.marking) as JournalMarking) : null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
