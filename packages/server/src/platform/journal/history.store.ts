import type { Viewer } from '@vigil/core';
import { sql } from 'kysely';
import { visibleMarkings } from '../access/visible-markings.ts';
import type { Executor } from '../database/transaction.ts';
import { fromRow } from './journal.store.ts';

/**
 * A record's history as the viewer may see it: each entry is filtered by the marking
 * it was written under, in SQL, like every list.
 */
export async function listVisibleHistory(db: Executor, viewer: Viewer, entityType: string, entityId: string) {
  const rows = await db
    .selectFrom('journal as j')
    .selectAll('j')
    .where('j.entity_type', '=', entityType)
    .where('j.entity_id', '=', entityId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('markings as m')
          .select(sql.lit(1).as('one'))
          .whereRef('m.id', '=', 'j.marking_id')
          .where(visibleMarkings(viewer)),
      ),
    )
    .orderBy('j.seq')
    .limit(1000)
    .execute();
  return rows.map(fromRow);
}
