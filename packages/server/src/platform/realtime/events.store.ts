import { hasPermission, type Viewer } from '@vigil/core';
import { sql } from 'kysely';
import { visibleMarkings } from '../access/visible-markings.ts';
import type { Executor } from '../database/transaction.ts';
import { fromRow } from '../journal/journal.store.ts';

/** Entries the stream carries: state changes; sensitive-read and sign-in entries stay in the audit trail. */
const streamedKind = 'change';

/** Replay after a reconnect, filtered in SQL with the same rule as every list. */
export async function listVisibleEventsAfter(db: Executor, viewer: Viewer, afterSeq: number, limit: number) {
  const isAdmin = hasPermission(viewer.roles, 'user.admin');
  const rows = await db
    .selectFrom('journal as j')
    .selectAll('j')
    .where('j.seq', '>', afterSeq)
    .where('j.kind', '=', streamedKind)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('markings as m')
            .select(sql.lit(1).as('one'))
            .whereRef('m.id', '=', 'j.marking_id')
            .where(visibleMarkings(viewer)),
        ),
        ...(isAdmin ? [eb('j.marking_id', 'is', null)] : []),
      ]),
    )
    .orderBy('j.seq')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

/** Everything committed after `afterSeq`, for the hub to fan out (each subscriber is then checked with `canSee`). */
export async function listEventsAfter(db: Executor, afterSeq: number, limit: number) {
  const rows = await db
    .selectFrom('journal')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('kind', '=', streamedKind)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}
