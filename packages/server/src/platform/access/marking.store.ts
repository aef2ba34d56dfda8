import { randomUUID } from 'node:crypto';
import {
  type Caveat,
  caveatMask,
  caveatsFromMask,
  DomainError,
  type Marking,
  type TlpLabel,
} from '@vigil/core';
import type { MarkingTable } from '../database/schema.ts';
import type { Executor } from '../database/transaction.ts';

/**
 * Share targets must exist and be active: a typo must never turn into "shared with
 * nobody" or, worse, into a silently wider marking. The failing entry is named.
 */
export async function assertShareTargets(
  db: Executor,
  marking: Marking,
  field = 'marking.shareWith',
): Promise<void> {
  const [ids, table] =
    marking.tlp === 'RED'
      ? [marking.shareUserIds, 'users' as const]
      : [marking.shareAgencyIds, 'agencies' as const];
  if (ids.length === 0) return;
  const found = await db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute();
  const known = new Set(found.map((row) => row.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) {
    const what = marking.tlp === 'RED' ? 'user (TLP:RED shares with named people)' : 'agency';
    throw new DomainError('UNKNOWN_SHARE_TARGET', `no active ${what} with id ${ids[index]}`, {
      field: `${field}[${index}]`,
    });
  }
}

/** Markings are immutable rows: a changed marking is a new row, so journal entries keep the one they were written under. */
export async function insertMarking(db: Executor, marking: Marking, now: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('markings')
    .values({
      id,
      owner_agency_id: marking.ownerAgencyId,
      author_user_id: marking.authorUserId,
      tlp: marking.tlp,
      caveat_mask: caveatMask(marking.caveats),
      created_at: now,
    })
    .execute();
  const shares = [
    ...marking.shareAgencyIds.map((grantee_id) => ({ marking_id: id, grantee_type: 'agency', grantee_id })),
    ...marking.shareUserIds.map((grantee_id) => ({ marking_id: id, grantee_type: 'user', grantee_id })),
  ];
  if (shares.length) await db.insertInto('marking_shares').values(shares).execute();
  return id;
}

/** Loads markings with their share lists in two queries, whatever the number of ids. */
export async function loadMarkings(db: Executor, ids: readonly string[]): Promise<Map<string, Marking>> {
  const result = new Map<string, Marking>();
  if (ids.length === 0) return result;
  const unique = [...new Set(ids)];
  const [rows, shares] = await Promise.all([
    db.selectFrom('markings').selectAll().where('id', 'in', unique).execute(),
    db.selectFrom('marking_shares').selectAll().where('marking_id', 'in', unique).execute(),
  ]);
  for (const row of rows) result.set(row.id, markingFromRow(row, []));
  for (const share of shares) {
    const marking = result.get(share.marking_id);
    if (!marking) continue;
    (share.grantee_type === 'user' ? marking.shareUserIds : marking.shareAgencyIds).push(share.grantee_id);
  }
  return result;
}

export function markingFromRow(
  row: MarkingTable,
  shares: { grantee_type: string; grantee_id: string }[],
): Marking {
  return {
    ownerAgencyId: row.owner_agency_id,
    authorUserId: row.author_user_id,
    tlp: row.tlp as TlpLabel,
    caveats: caveatsFromMask(row.caveat_mask) as Caveat[],
    shareAgencyIds: shares.filter((s) => s.grantee_type === 'agency').map((s) => s.grantee_id),
    shareUserIds: shares.filter((s) => s.grantee_type === 'user').map((s) => s.grantee_id),
  };
}
