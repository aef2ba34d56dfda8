import { randomUUID } from 'node:crypto';
import {
  type Caveat,
  caveatMask,
  caveatsFromMask,
  DomainError,
  type Marking,
  type TlpLabel,
} from '@vigil/core';
import { preparedQuery } from '../database/prepared-query.ts';
import type { MarkingTable } from '../database/schema.ts';
import type { Executor } from '../database/transaction.ts';

/**
 * `in (…)` lists padded to a power of two by repeating their last id (a repeat changes
 * nothing), so prepared queries compile a handful of texts instead of one per length.
 */
function padded(ids: readonly string[]): string[] {
  let size = 1;
  while (size < ids.length) size *= 2;
  const last = ids[ids.length - 1] as string;
  return [...ids, ...Array<string>(size - ids.length).fill(last)];
}

const activeAgencies = preparedQuery((db, v: { ids: string[] }) =>
  db.selectFrom('agencies').select('id').where('id', 'in', v.ids).where('active', '=', 1),
);
const activeUsers = preparedQuery((db, v: { ids: string[] }) =>
  db.selectFrom('users').select('id').where('id', 'in', v.ids).where('active', '=', 1),
);

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
  const found = await (table === 'users' ? activeUsers : activeAgencies).execute(
    db,
    { ids: padded(ids) },
    {},
  );
  const known = new Set(found.map((row) => row.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) {
    const what = marking.tlp === 'RED' ? 'user (TLP:RED shares with named people)' : 'agency';
    throw new DomainError('UNKNOWN_SHARE_TARGET', `no active ${what} with id ${ids[index]}`, {
      field: `${field}[${index}]`,
    });
  }
}

const insertMarkingRow = preparedQuery((db, v: MarkingTable) => db.insertInto('markings').values(v));
const insertShares = preparedQuery((db, v: { markingId: string; agencyIds: string[]; userIds: string[] }) =>
  db
    .insertInto('marking_shares')
    .values([
      ...v.agencyIds.map((grantee_id) => ({ marking_id: v.markingId, grantee_type: 'agency', grantee_id })),
      ...v.userIds.map((grantee_id) => ({ marking_id: v.markingId, grantee_type: 'user', grantee_id })),
    ]),
);

/** Markings are immutable rows: a changed marking is a new row, so journal entries keep the one they were written under. */
export async function insertMarking(db: Executor, marking: Marking, now: string): Promise<string> {
  const id = randomUUID();
  await insertMarkingRow.run(
    db,
    {
      id,
      owner_agency_id: marking.ownerAgencyId,
      author_user_id: marking.authorUserId,
      tlp: marking.tlp,
      caveat_mask: caveatMask(marking.caveats),
      created_at: now,
    },
    {},
  );
  if (marking.shareAgencyIds.length + marking.shareUserIds.length > 0) {
    await insertShares.run(
      db,
      { markingId: id, agencyIds: [...marking.shareAgencyIds], userIds: [...marking.shareUserIds] },
      {},
    );
  }
  return id;
}

const markingRows = preparedQuery((db, v: { ids: string[] }) =>
  db.selectFrom('markings').selectAll().where('id', 'in', v.ids),
);
const shareRows = preparedQuery((db, v: { ids: string[] }) =>
  db.selectFrom('marking_shares').selectAll().where('marking_id', 'in', v.ids),
);

/** Loads markings with their share lists in two queries, whatever the number of ids. */
export async function loadMarkings(db: Executor, ids: readonly string[]): Promise<Map<string, Marking>> {
  const result = new Map<string, Marking>();
  if (ids.length === 0) return result;
  const unique = padded([...new Set(ids)]);
  const [rows, shares] = await Promise.all([
    markingRows.execute(db, { ids: unique }, {}),
    shareRows.execute(db, { ids: unique }, {}),
  ]);
  for (const row of rows) result.set(row.id, markingFromRow(row, []));
  addShares(result, shares);
  return result;
}

/**
 * Completes markings whose row the caller already read (joined to the record): only
 * their share lists are loaded, in one query.
 */
export async function completeMarkings(
  db: Executor,
  rows: readonly (Omit<MarkingTable, 'id' | 'created_at'> & { marking_id: string })[],
): Promise<Map<string, Marking>> {
  const result = new Map<string, Marking>();
  if (rows.length === 0) return result;
  for (const row of rows) result.set(row.marking_id, markingFromRow(row, []));
  addShares(result, await shareRows.execute(db, { ids: padded([...result.keys()]) }, {}));
  return result;
}

function addShares(
  markings: Map<string, Marking>,
  shares: readonly { marking_id: string; grantee_type: string; grantee_id: string }[],
): void {
  for (const share of shares) {
    const marking = markings.get(share.marking_id);
    if (!marking) continue;
    (share.grantee_type === 'user' ? marking.shareUserIds : marking.shareAgencyIds).push(share.grantee_id);
  }
}

export function markingFromRow(
  row: Pick<MarkingTable, 'owner_agency_id' | 'author_user_id' | 'tlp' | 'caveat_mask'>,
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
