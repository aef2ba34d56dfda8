import {
  chainJournalEntry,
  type JournalDraft,
  type JournalEntry,
  type JournalKind,
  type JournalMarking,
} from '@vigil/core';
import { sql } from 'kysely';
import type { Engine } from '../database/database.ts';
import { preparedQuery } from '../database/prepared-query.ts';
import type { JournalTable } from '../database/schema.ts';
import type { Executor, Trx } from '../database/transaction.ts';

export const journalChannel = 'vigil_journal';

// Touching the head row takes its write lock; RETURNING reads it in the same statement.
const lockHead = preparedQuery((db) =>
  db
    .updateTable('journal_head')
    .set({ seq: sql<number>`seq` })
    .where('id', '=', 1)
    .returning(['seq', 'hash']),
);
const selectHead = preparedQuery((db) =>
  db.selectFrom('journal_head').select(['seq', 'hash']).where('id', '=', 1),
);
const insertEntry = preparedQuery((db, v: JournalTable) => db.insertInto('journal').values(v));
const moveHead = preparedQuery((db, v: { seq: number; hash: string }) =>
  db.updateTable('journal_head').set({ seq: v.seq, hash: v.hash }).where('id', '=', 1),
);
const notifyEntry = preparedQuery(
  (_db, v: { seq: string }) => sql`select pg_notify(${journalChannel}, ${v.seq})`,
);

/**
 * Appends one entry inside the caller's transaction, so the change and its entry commit
 * or fail together. Touching the head row first takes its write lock on both engines:
 * concurrent writers queue there and each links to the hash before it.
 */
export async function appendJournal(trx: Trx, engine: Engine, draft: JournalDraft): Promise<JournalEntry> {
  const head = await lockHead.executeTakeFirst(trx, {}, {});
  if (!head) throw new Error('the journal has no head row');
  const entry = chainJournalEntry(head, draft);
  await insertEntry.run(trx, toRow(entry), {});
  await moveHead.run(trx, { seq: entry.seq, hash: entry.hash }, {});
  if (engine === 'postgres') {
    // Delivered by PostgreSQL only when the transaction commits: other instances then fetch it.
    await notifyEntry.run(trx, { seq: String(entry.seq) }, {});
  }
  return entry;
}

export async function readJournalHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const head = await selectHead.executeTakeFirst(db, {}, {});
  if (!head) throw new Error('the journal has no head row');
  return head;
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
